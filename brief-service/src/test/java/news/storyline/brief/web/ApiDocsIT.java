package news.storyline.brief.web;

import com.fasterxml.jackson.databind.JsonNode;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document the service publishes, which the gateway shows at {@code /docs}. */
@ServiceIT
class ApiDocsIT {

    @Autowired
    Api api;

    @Test
    void describesTheReadApi() {
        ResponseEntity<JsonNode> response = api.get("/v3/api-docs");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        JsonNode docs = response.getBody();
        assertThat(docs.path("openapi").asText()).startsWith("3.");
        assertThat(docs.path("info").path("title").asText()).isEqualTo("Storyline brief-service");
        assertThat(docs.path("info").path("description").asText()).contains("the read API");
        assertThat(docs.path("paths").fieldNames()).toIterable()
                .contains("/api/stories/{storyId}", "/api/stories/{storyId}/ninjs", "/api/stories/{storyId}/history",
                          "/api/stories/{storyId}/diff", "/api/briefs", "/api/threads", "/api/threads/{slug}",
                          "/api/threads/{slug}/timeline", "/api/search", "/api/sources/{name}/stories",
                          "/api/admin/rebuilds", "/api/admin/rebuilds/{id}", "/api/events");
        assertThat(docs.path("paths").path("/api/stories/{storyId}").has("get")).isTrue();
        assertThat(docs.path("servers")).singleElement()
                .satisfies(server -> assertThat(server.path("url").asText()).isEqualTo("/"));
    }

    @Test
    void listsTheProblemsAReadMayMeet() {
        JsonNode docs = api.get("/v3/api-docs").getBody();
        JsonNode story = docs.path("paths").path("/api/stories/{storyId}").path("get").path("responses");
        JsonNode search = docs.path("paths").path("/api/search").path("get").path("responses");

        assertThat(story.fieldNames()).toIterable().contains("200", "400", "404", "503", "500");
        assertThat(story.path("404").path("content").has("application/problem+json")).isTrue();
        assertThat(story.path("503").path("description").asText()).contains("problems/unavailable");
        assertThat(search.fieldNames()).toIterable().contains("200", "400").doesNotContain("404", "503");
        assertThat(docs.path("paths").path("/api/stories/{storyId}/diff").path("get").path("responses")
                       .fieldNames()).toIterable().contains("410");
        JsonNode events = docs.path("paths").path("/api/events").path("get");
        assertThat(events.path("responses").fieldNames()).toIterable().contains("200", "400", "500")
                                                          .doesNotContain("404", "503");
        assertThat(events.path("responses").path("200").toString()).contains("EventPage");
        assertThat(events.path("parameters").findValuesAsText("name")).contains("after", "limit", "type", "thread");
        for (String live : List.of("/api/events/stream", "/api/threads/{slug}/live")) {
            JsonNode stream = docs.path("paths").path(live).path("get");
            assertThat(stream.path("responses").fieldNames()).as(live).toIterable().contains("200", "400", "503");
            assertThat(stream.path("responses").path("200").path("content").has("text/event-stream")).as(live)
                                                                                                  .isTrue();
        }
        assertThat(docs.path("components").path("schemas").path("Problem").path("properties").fieldNames())
                .toIterable().contains("type", "title", "status", "detail");
    }
}
