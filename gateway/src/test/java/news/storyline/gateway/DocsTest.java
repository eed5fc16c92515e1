package news.storyline.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /docs}: the Swagger UI, showing each service's OpenAPI document fetched through the gateway. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class DocsTest {

    private static final FakeUpstream STORY = FakeUpstream.start("story-service");
    private static final FakeUpstream BRIEF = FakeUpstream.start("brief-service");

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("storyline.services.story-uri", STORY::uri);
        registry.add("storyline.services.brief-uri", BRIEF::uri);
    }

    @AfterAll
    static void stopUpstreams() {
        STORY.close();
        BRIEF.close();
    }

    @BeforeEach
    void setUp() {
        STORY.reset();
        BRIEF.reset();
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                              .responseTimeout(Duration.ofSeconds(15)).build();
    }

    @Test
    void docsLeadToTheSwaggerUi() {
        String location = client.get().uri("/docs").exchange()
                                .expectStatus().is3xxRedirection()
                                .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        assertThat(location).endsWith("/swagger-ui/index.html");

        client.get().uri(location).exchange()
              .expectStatus().isOk()
              .expectBody(String.class).value(page -> assertThat(page).contains("swagger-ui"));
    }

    @Test
    void theUiIsToldOfBothServicesDocuments() {
        client.get().uri("/v3/api-docs/swagger-config").exchange()
              .expectStatus().isOk()
              .expectBody()
              .jsonPath("$.urls[?(@.name == 'story-service')].url").isEqualTo("/docs/story-service/v3/api-docs")
              .jsonPath("$.urls[?(@.name == 'brief-service')].url").isEqualTo("/docs/brief-service/v3/api-docs");
    }

    @Test
    void eachServicesDocumentComesFromThatService() {
        STORY.answerWith(200, Map.of("Content-Type", "application/json"), "{\"info\":{\"title\":\"story\"}}");
        BRIEF.answerWith(200, Map.of("Content-Type", "application/json"), "{\"info\":{\"title\":\"brief\"}}");

        client.get().uri("/docs/story-service/v3/api-docs").exchange()
              .expectStatus().isOk().expectBody().jsonPath("$.info.title").isEqualTo("story");
        client.get().uri("/docs/brief-service/v3/api-docs").exchange()
              .expectStatus().isOk().expectBody().jsonPath("$.info.title").isEqualTo("brief");

        assertThat(STORY.received()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/v3/api-docs"));
        assertThat(BRIEF.received()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/v3/api-docs"));
    }
}
