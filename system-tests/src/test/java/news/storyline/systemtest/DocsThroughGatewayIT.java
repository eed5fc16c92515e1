package news.storyline.systemtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** /docs on the gateway: the Swagger UI, over both services' OpenAPI documents fetched through the gateway. */
class DocsThroughGatewayIT {

    @Test
    void bothServicesDocumentsAreServedThroughTheGateway() {
        StorylineStack stack = StorylineStack.shared();

        Http.Response story = Http.get(stack.gatewayUrl() + "/docs/story-service/v3/api-docs");
        assertThat(story.status()).as(story.toString()).isEqualTo(200);
        assertThat(story.body().path("info").path("title").asText()).isEqualTo("Storyline story-service");
        assertThat(story.body().path("paths").has("/api/stories/{storyId}")).isTrue();

        Http.Response brief = Http.get(stack.gatewayUrl() + "/docs/brief-service/v3/api-docs");
        assertThat(brief.status()).as(brief.toString()).isEqualTo(200);
        assertThat(brief.body().path("info").path("title").asText()).isEqualTo("Storyline brief-service");
        assertThat(brief.body().path("paths").has("/api/threads/{slug}/timeline")).isTrue();

        Http.Response config = Http.get(stack.gatewayUrl() + "/v3/api-docs/swagger-config");
        assertThat(config.status()).as(config.toString()).isEqualTo(200);
        assertThat(config.body().path("urls").findValuesAsText("url"))
                .containsExactlyInAnyOrder("/docs/story-service/v3/api-docs", "/docs/brief-service/v3/api-docs");

        Http.Response docs = Http.get(stack.gatewayUrl() + "/docs");
        assertThat(docs.status()).as(docs.toString()).isEqualTo(302);
        String location = docs.header("Location").orElseThrow();
        assertThat(location).endsWith("/swagger-ui/index.html");
        Http.Response ui = Http.get(location.startsWith("http") ? location : stack.gatewayUrl() + location);
        assertThat(ui.status()).as(ui.toString()).isEqualTo(200);
        assertThat(ui.text()).contains("swagger-ui");
    }
}
