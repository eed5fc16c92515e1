package news.storyline.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.filter.AdaptCachedBodyGlobalFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error the gateway answers itself is problem+json with a stable type, a safe detail and the correlation id.
 * story-service is "stopped" (its port refuses connections); brief-service is a fake that can be made slow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=500ms"})
class GatewayProblemsTest extends GatewayTest {

    private static final int CLOSED_PORT = closedPort();
    private static final String SECRET_HOST = "mongo-7.internal.storyline:27017";
    private static final int ONE_MB = 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void storyServiceIsStopped() {
        storyServiceUri = "http://127.0.0.1:" + CLOSED_PORT;
    }

    /** A route whose filter fails in a way nobody planned for, with internals in the message. */
    @TestConfiguration
    static class FailingRoute {

        @Bean
        RouteLocator failingRoute(RouteLocatorBuilder routes) {
            return routes.routes()
                    .route("test-only-failing", r -> r.order(-1).path("/api/test-only/boom")
                            .filters(f -> f.filter((exchange, chain) -> Mono.error(
                                    new IllegalStateException("Cannot reach " + SECRET_HOST))))
                            .uri(BRIEF.uri()))
                    .build();
        }
    }

    @Test
    void anUnknownRouteIsANotFoundProblem() {
        assertProblem(client.get().uri("/nowhere").exchange(), 404, "not-found");
        assertProblem(client.post().uri("/api/sources").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange(), 404, "not-found");
        assertThat(BRIEF.received()).isEmpty();
    }

    @Test
    void aMethodTheGatewaysOwnEndpointsDoNotTakeIsAMethodNotAllowedProblem() {
        WebTestClient.ResponseSpec response = client.post().uri("/actuator/health").exchange();
        assertProblem(response, 405, "method-not-allowed");
        response.expectHeader().value(HttpHeaders.ALLOW, allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void aServiceThatRefusesConnectionsIsAnUnavailableProblemAtOnce() {
        long started = System.nanoTime();
        assertProblem(client.post().uri("/api/stories").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange(), 503, "unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsAnUpstreamTimeoutProblemWithinTheBound() {
        BRIEF.delayAnswers(Duration.ofSeconds(3));
        long started = System.nanoTime();

        assertProblem(client.get().uri("/api/briefs?limit=3").exchange(), 504, "upstream-timeout");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(BRIEF.received()).hasSize(1);
    }

    @Test
    void aBodyOverTheLimitIsAPayloadTooLargeProblemAndNeverReachesTheService() {
        JsonNode problem = assertProblem(client.post().uri("/api/stories").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new byte[ONE_MB + 1]).exchange(), 413, "payload-too-large");
        assertThat(problem.path("detail").asText()).contains(String.valueOf(ONE_MB));

        // The read-model admin route takes bodies too; a chunked body (no Content-Length) is counted as it comes.
        assertProblem(client.post().uri("/api/admin/rebuilds").contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks(ONE_MB + 1))).exchange(), 413, "payload-too-large");
        assertThat(BRIEF.received()).isEmpty();
    }

    @Test
    void aBodyOverTheLimitOnARetriedWriteIsRefusedToo() {
        assertProblem(client.post().uri("/api/stories").header("Idempotency-Key", "k-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[ONE_MB + 1]).exchange(),
                413, "payload-too-large");
        assertProblem(client.post().uri("/api/stories").header("Idempotency-Key", "k-2")
                .contentType(MediaType.APPLICATION_JSON).body(BodyInserters.fromDataBuffers(chunks(ONE_MB + 1)))
                .exchange(), 413, "payload-too-large");
        assertThat(STORY.received()).isEmpty();
        // Refused before Spring Cloud Gateway caches the body for the retries: a body over the limit is never held.
        assertThat(RequestBodyLimitGatewayFilterFactory.ORDER).isLessThan(new AdaptCachedBodyGlobalFilter().getOrder());
    }

    @Test
    void headersOverTheLimitAreAHeadersTooLargeProblemAndNeverReachTheService() {
        JsonNode problem = assertProblem(client.get().uri("/api/briefs")
                .header("X-Padding", "x".repeat(17 * 1024)).exchange(), 431, "headers-too-large");
        assertThat(problem.path("detail").asText()).contains(String.valueOf(16 * 1024));
        // Many headers count together.
        var spec = client.get().uri("/api/briefs");
        for (int i = 0; i < 20; i++) {
            spec = spec.header("X-Padding-" + i, "x".repeat(1000));
        }
        assertProblem(spec.exchange(), 431, "headers-too-large");
        assertThat(BRIEF.received()).isEmpty();

        client.get().uri("/api/briefs").header("X-Padding", "x".repeat(8 * 1024)).exchange().expectStatus().isOk();
    }

    @Test
    void aBodyWithinTheLimitPassesWhetherItsLengthIsDeclaredOrNot() {
        client.post().uri("/api/admin/rebuilds").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(filled(ONE_MB)).exchange().expectStatus().isOk();
        client.post().uri("/api/admin/rebuilds").contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks(ONE_MB))).exchange().expectStatus().isOk();

        assertThat(BRIEF.received()).hasSize(2).allSatisfy(request -> assertThat(request.body()).isEqualTo(filled(ONE_MB)));
        // Read up to the limit, the chunked body is sent on with its length.
        assertThat(BRIEF.received().get(1).headers().getFirst("Content-Length")).isEqualTo(String.valueOf(ONE_MB));

        // ...and it was chunked when the client sent it: sent straight to the fake, it arrives without a length.
        BRIEF.reset();
        WebTestClient.bindToServer().baseUrl(BRIEF.uri()).build()
                .post().uri("/direct").body(BodyInserters.fromDataBuffers(chunks(ONE_MB))).exchange();
        assertThat(BRIEF.received()).singleElement()
                .satisfies(request -> assertThat(request.headers().getFirst("Content-Length")).isNull());
    }

    @Test
    void anythingUnexpectedIsAnInternalProblemThatNamesNothingInside() {
        JsonNode problem = assertProblem(client.post().uri("/api/test-only/boom").exchange(), 500, "internal");
        assertThat(problem.toString()).doesNotContain(SECRET_HOST).doesNotContain("IllegalState");
    }

    @Test
    void aWellFormedCorrelationIdFromTheClientIsTheOneInTheProblem() {
        EntityExchangeResult<byte[]> result = client.get().uri("/nowhere")
                .header("X-Correlation-Id", "dashboard-42.a_b")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals("X-Correlation-Id", "dashboard-42.a_b")
                .expectBody().returnResult();
        assertThat(read(result).path("correlationId").asText()).isEqualTo("dashboard-42.a_b");
    }

    @Test
    void theGatewaysProblemsCarryTheSecurityHeaders() {
        client.post().uri("/api/stories").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectHeader().doesNotExist("Strict-Transport-Security")
                .expectHeader().exists("traceparent");
    }

    /** Asserts the shape every gateway problem has, and returns it. */
    private JsonNode assertProblem(WebTestClient.ResponseSpec response, int status, String kind) {
        EntityExchangeResult<byte[]> result = response
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult();
        JsonNode problem = read(result);
        assertThat(problem.path("type").asText()).isEqualTo("https://storyline.news/problems/" + kind);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        String detail = problem.path("detail").asText();
        assertThat(detail).isNotBlank()
                .doesNotContain("127.0.0.1").doesNotContain("localhost")
                .doesNotContain(String.valueOf(CLOSED_PORT)).doesNotContain(String.valueOf(BRIEF.port()))
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("\n");
        assertThat(problem.toString()).doesNotContain("trace").doesNotContain(String.valueOf(BRIEF.port()))
                .doesNotContain(String.valueOf(CLOSED_PORT));
        String correlationId = result.getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(correlationId).isNotBlank();
        assertThat(problem.path("correlationId").asText()).isEqualTo(correlationId);
        return problem;
    }

    private JsonNode read(EntityExchangeResult<byte[]> result) {
        try {
            return json.readTree(result.getResponseBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }

    /** {@code size} bytes of 'x' in 64 KiB chunks, with no length declared. */
    private static Flux<DataBuffer> chunks(int size) {
        int chunk = 64 * 1024;
        return Flux.range(0, (size + chunk - 1) / chunk)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(filled(Math.min(chunk, size - i * chunk))));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
