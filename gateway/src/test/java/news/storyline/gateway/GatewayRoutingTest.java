package news.storyline.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Tests talk to loopback only; the public 0.0.0.0 binding is for the real deployment.
        properties = "server.address=127.0.0.1")
class GatewayRoutingTest extends GatewayTest {

    private static final String STORY_JSON = """
            {"headline":"Ким Чен-ун обеща на Русия „безусловна подкрепа“","lead":"Севернокорейският лидер…",\
            "dateline":{"place":"Пхенян"},"language":"bg"}""";

    @Autowired
    HttpClientProperties httpClient;

    @Test
    void filingAStoryReachesStoryServiceWithBodyAndHeadersIntact() {
        STORY.answerWith(201, Map.of("Location", "/api/stories/abc", "Content-Type", "application/json"),
                "{\"id\":\"abc\",\"version\":1}");

        client.post().uri("/api/stories")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "key-1")
                .bodyValue(STORY_JSON.getBytes(StandardCharsets.UTF_8))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/stories/abc")
                .expectBody().json("{\"id\":\"abc\",\"version\":1}", true);

        assertThat(BRIEF.received()).isEmpty();
        assertThat(STORY.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/stories");
            assertThat(request.body()).isEqualTo(STORY_JSON.getBytes(StandardCharsets.UTF_8));
            assertThat(request.headers().getFirst("Idempotency-Key")).isEqualTo("key-1");
            assertThat(request.headers().getFirst("Content-Type")).startsWith("application/json");
        });
    }

    @Test
    void revisingAStoryReachesStoryServiceWithIfMatch() {
        client.put().uri("/api/stories/x")
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, "\"3\"")
                .bodyValue("{\"headline\":\"Ново\",\"kind\":\"UPDATE\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Upstream", "story-service");

        assertThat(BRIEF.received()).isEmpty();
        assertThat(STORY.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("PUT");
            assertThat(request.path()).isEqualTo("/api/stories/x");
            assertThat(request.headers().getFirst("If-Match")).isEqualTo("\"3\"");
            assertThat(request.bodyText()).isEqualTo("{\"headline\":\"Ново\",\"kind\":\"UPDATE\"}");
        });
    }

    @Test
    void otherWritesOnStoriesAndThreadsReachStoryService() {
        client.post().uri("/api/threads").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();
        client.delete().uri("/api/stories/x/links/y").exchange().expectStatus().isOk();
        client.patch().uri("/api/threads/ukraine-peace-talks").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();

        assertThat(BRIEF.received()).isEmpty();
        assertThat(STORY.received()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "POST /api/threads", "DELETE /api/stories/x/links/y", "PATCH /api/threads/ukraine-peace-talks");
    }

    @Test
    void readModelRebuildsReachBriefServiceWhateverTheMethod() {
        client.post().uri("/api/admin/rebuilds").exchange().expectStatus().isOk();
        client.get().uri("/api/admin/rebuilds/r1").exchange().expectStatus().isOk();

        assertThat(STORY.received()).isEmpty();
        assertThat(BRIEF.received()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "POST /api/admin/rebuilds", "GET /api/admin/rebuilds/r1");
    }

    @Test
    void readingAStoryReachesBriefService() {
        client.get().uri("/api/stories/x")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Upstream", "brief-service")
                .expectBody().json("{\"upstream\":\"brief-service\"}");

        assertThat(STORY.received()).isEmpty();
        assertThat(BRIEF.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/api/stories/x");
        });
    }

    @Test
    void readingBriefsKeepsTheQueryString() {
        client.get().uri("/api/briefs?limit=3&thread=ukraine-peace-talks")
                .exchange()
                .expectStatus().isOk();
        client.head().uri("/api/threads").exchange().expectStatus().isOk();

        assertThat(STORY.received()).isEmpty();
        assertThat(BRIEF.received()).extracting(r -> r.method() + " " + r.path() + "?" + r.query()).containsExactly(
                "GET /api/briefs?limit=3&thread=ukraine-peace-talks", "HEAD /api/threads?null");
    }

    @Test
    void upstreamErrorsPassThroughUnchanged() {
        String problem = "{\"type\":\"https://storyline.news/problems/stale-version\",\"status\":409}";
        STORY.answerWith(409, Map.of("Content-Type", "application/problem+json"), problem);

        client.put().uri("/api/stories/x").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType("application/problem+json")
                .expectBody().json(problem, true);
    }

    @Test
    void anAbsoluteLocationNamingTheUpstreamIsRewrittenToTheGatewaysHost() {
        STORY.answerWith(201, Map.of("Location", STORY.uri() + "/api/stories/abc"), "");

        client.post().uri("/api/stories").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "http://127.0.0.1:" + port + "/api/stories/abc");
    }

    @Test
    void requestsNoRouteClaimsAreNotForwarded() {
        client.post().uri("/api/sources").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isNotFound();
        client.get().uri("/not-api/stories").exchange().expectStatus().isNotFound();

        assertThat(STORY.received()).isEmpty();
        assertThat(BRIEF.received()).isEmpty();
    }

    @Test
    void timeoutsComeFromTheCurrentPropertyPrefix() {
        assertThat(httpClient.getConnectTimeout()).isEqualTo(2000);
        assertThat(httpClient.getResponseTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void prometheusScrapeCarriesTheApplicationTagAndRouteTimings() {
        client.get().uri("/api/stories/x").exchange().expectStatus().isOk();

        String scrape = client.get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(scrape).contains("application=\"gateway\"");
        assertThat(scrape).containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"reads\"");
    }

    @Test
    void healthIsUp() {
        client.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }
}
