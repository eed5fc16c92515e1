package news.storyline.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /docs}: the Swagger UI, showing each service's OpenAPI document fetched through the gateway. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class DocsTest extends GatewayTest {

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
