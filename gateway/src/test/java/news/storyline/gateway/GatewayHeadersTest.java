package news.storyline.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Correlation ids, trace context, security headers and CORS, on answers from the services and the gateway's own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "storyline.cors.allowed-origin=https://dashboard.example"})
class GatewayHeadersTest extends GatewayTest {

    private static final String DASHBOARD = "https://dashboard.example";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-01";

    @Test
    void aWellFormedCorrelationIdIsKeptPassedOnAndReturned() {
        String id = "A-z.0_9-" + "x".repeat(56); // 64 characters, every kind allowed
        client.get().uri("/api/stories/x").header("X-Correlation-Id", id)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", id);

        assertThat(BRIEF.received()).singleElement()
                .satisfies(request -> assertThat(request.headers().get("X-Correlation-Id")).containsExactly(id));
    }

    @Test
    void aMissingOrMalformedCorrelationIdIsReplacedByAFreshUuid() {
        for (String sent : new String[] {null, "", "x".repeat(65), "has space", "semi;colon", "кирилица"}) {
            BRIEF.reset();
            var spec = client.get().uri("/api/briefs");
            if (sent != null) {
                spec = spec.header("X-Correlation-Id", sent);
            }
            String returned = spec.exchange()
                    .expectStatus().isOk()
                    .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");

            assertThat(returned).as("for %s", sent).matches(UUID);
            assertThat(BRIEF.received()).singleElement().satisfies(request ->
                    assertThat(request.headers().get("X-Correlation-Id")).containsExactly(returned));
        }
    }

    @Test
    void eachRequestGetsItsOwnCorrelationId() {
        String first = client.get().uri("/api/briefs").exchange()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");
        String second = client.get().uri("/api/briefs").exchange()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void anUpstreamCannotChangeTheCorrelationIdTheClientSees() {
        BRIEF.answerWith(200, Map.of("X-Correlation-Id", "something-else"), "");
        client.get().uri("/api/briefs").header("X-Correlation-Id", "mine")
                .exchange()
                .expectHeader().valueEquals("X-Correlation-Id", "mine");
    }

    @Test
    void aValidTraceparentsTraceIsContinuedWithItsTracestate() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String clientSpan = "00f067aa0ba902b7";
        String returned = client.post().uri("/api/stories").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .header("tracestate", "congo=t61rcWkgMzE")
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("traceparent");

        // The gateway's own span in the client's trace; the service is called from a span of the same trace.
        assertThat(returned).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain(clientSpan);
        assertThat(STORY.received()).singleElement().satisfies(request -> {
            assertThat(request.headers().get("traceparent")).singleElement().asString()
                    .matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain(clientSpan);
            assertThat(request.headers().getFirst("tracestate")).isEqualTo("congo=t61rcWkgMzE");
            assertThat(request.headers().getFirst("X-Correlation-Id")).matches(UUID);
        });
    }

    @Test
    void aMissingOrInvalidTraceparentStartsANewTrace() {
        String sentTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String[] invalid = {null, "garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-" + sentTraceId + "-0000000000000000-01",
                "ff-" + sentTraceId + "-00f067aa0ba902b7-01",
                "00-" + sentTraceId.toUpperCase() + "-00f067aa0ba902b7-01",
                "00-" + sentTraceId + "-00f067aa0ba902b7-01-extra"};
        for (String sent : invalid) {
            BRIEF.reset();
            var spec = client.get().uri("/api/briefs").header("tracestate", "congo=t61rcWkgMzE");
            if (sent != null) {
                spec = spec.header("traceparent", sent);
            }
            String returned = spec.exchange()
                    .expectStatus().isOk()
                    .returnResult(String.class).getResponseHeaders().getFirst("traceparent");

            assertThat(returned).as("for %s", sent).matches(TRACEPARENT).doesNotContain(sentTraceId);
            String traceId = returned.substring(3, 35);
            assertThat(BRIEF.received()).singleElement().satisfies(request -> {
                assertThat(request.headers().get("traceparent")).as("for %s", sent).singleElement().asString()
                        .startsWith("00-" + traceId + "-");
                assertThat(request.headers().containsKey("tracestate")).as("tracestate of another trace").isFalse();
            });
        }
    }

    @Test
    void theGatewaysOwnAnswersTellTheTraceToo() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        anonymous.get().uri("/api/briefs").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value("traceparent", value -> assertThat(value).startsWith("00-" + traceId + "-"));
    }

    @Test
    void successfulAnswersCarryTheSecurityHeadersAndAreNotStored() {
        client.get().uri("/api/stories/x")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectHeader().doesNotExist("Strict-Transport-Security");
    }

    @Test
    void aServicesOwnCacheControlIsKept() {
        BRIEF.answerWith(200, Map.of("Cache-Control", "private, max-age=5", "ETag", "\"3\""), "{}");
        client.get().uri("/api/stories/x")
                .exchange()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private, max-age=5")
                .expectHeader().valueEquals("X-Frame-Options", "DENY");
    }

    @Test
    void errorsTheServicesAnswerPassThroughWithTheHeadersAdded() {
        String problem = "{\"type\":\"https://storyline.news/problems/not-found\",\"status\":404}";
        BRIEF.answerWith(404, Map.of("Content-Type", "application/problem+json"), problem);
        client.get().uri("/api/stories/missing").header("X-Correlation-Id", "c-1")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Correlation-Id", "c-1")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody().json(problem, true);
    }

    @Test
    void theActuatorGetsSecurityHeadersButNoApiCachePolicy() {
        client.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().exists("X-Correlation-Id")
                .expectHeader().doesNotExist(HttpHeaders.CACHE_CONTROL);
    }

    @Test
    void theDashboardsPreflightIsAllowed() {
        client.options().uri("/api/stories/x")
                .header(HttpHeaders.ORIGIN, DASHBOARD)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,if-match")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, DASHBOARD)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods ->
                        assertThat(methods).contains("GET", "POST", "PUT", "DELETE").doesNotContain("PATCH"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers ->
                        assertThat(headers.toLowerCase()).contains("authorization", "content-type", "if-match"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)
                .expectHeader().valueEquals("X-Frame-Options", "DENY");

        assertThat(STORY.received()).isEmpty();
        assertThat(BRIEF.received()).isEmpty();
    }

    @Test
    void theDashboardMaySendTheIdempotencyKeyAndCorrelationId() {
        client.options().uri("/api/stories")
                .header(HttpHeaders.ORIGIN, DASHBOARD)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "idempotency-key,x-correlation-id")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, DASHBOARD);
    }

    @Test
    void theDashboardsRequestsSeeTheExposedHeaders() {
        client.get().uri("/api/stories/x")
                .header(HttpHeaders.ORIGIN, DASHBOARD)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, DASHBOARD)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed ->
                        assertThat(exposed.toLowerCase()).contains("etag", "location", "x-correlation-id", "retry-after"));
        assertThat(BRIEF.received()).hasSize(1);
    }

    @Test
    void anotherOriginGetsNoCorsHeadersAndIsRefused() {
        client.options().uri("/api/stories/x")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)
                .expectBody().jsonPath("$.type").isEqualTo("https://storyline.news/problems/forbidden");

        client.post().uri("/api/stories").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

        assertThat(STORY.received()).as("a refused cross-origin write never reaches the service").isEmpty();
    }

    @Test
    void aPreflightForAMethodNotAllowedGetsNoCorsHeaders() {
        client.options().uri("/api/threads/x")
                .header(HttpHeaders.ORIGIN, DASHBOARD)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void requestsWithoutAnOriginAreNotCorsRequests() {
        client.method(HttpMethod.GET).uri("/api/briefs")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}
