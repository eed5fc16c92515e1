package news.storyline.story.web;

import com.fasterxml.jackson.databind.JsonNode;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document the service publishes, which the gateway shows at {@code /docs}. */
@ServiceIT
class ApiDocsIT {

    @Autowired
    Api api;

    @Test
    void describesTheWriteApi() {
        ResponseEntity<JsonNode> response = api.get("/v3/api-docs");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        JsonNode docs = response.getBody();
        assertThat(docs.path("openapi").asText()).startsWith("3.");
        assertThat(docs.path("info").path("title").asText()).isEqualTo("Storyline story-service");
        assertThat(docs.path("info").path("description").asText()).contains("the write API");
        assertThat(docs.path("paths").fieldNames()).toIterable()
                .contains("/api/stories", "/api/stories/{storyId}", "/api/stories/{storyId}/attributions",
                          "/api/stories/{storyId}/links", "/api/stories/{storyId}/withdrawal",
                          "/api/threads", "/api/threads/{slug}", "/api/threads/{slug}/closure");
        assertThat(docs.path("paths").path("/api/stories").has("post")).isTrue();
    }

    @Test
    void saysThatARevisionNamesItsVersionInIfMatch() {
        JsonNode revise = api.get("/v3/api-docs").getBody().path("paths").path("/api/stories/{storyId}").path("put");

        assertThat(revise.isMissingNode()).isFalse();
        JsonNode ifMatch = parameter(revise, "header", "If-Match");
        assertThat(ifMatch).as("the If-Match header parameter of PUT /api/stories/{storyId}").isNotNull();
        assertThat(ifMatch.path("required").asBoolean()).isTrue();
        assertThat(parameter(revise, "path", "storyId")).isNotNull();
    }

    @Test
    void listsTheProblemsARequestMayMeet() {
        JsonNode docs = api.get("/v3/api-docs").getBody();
        JsonNode revise = docs.path("paths").path("/api/stories/{storyId}").path("put").path("responses");
        JsonNode file = docs.path("paths").path("/api/stories").path("post").path("responses");

        assertThat(revise.fieldNames()).toIterable().contains("200", "400", "404", "409", "428", "500");
        assertThat(revise.path("409").path("content").has("application/problem+json")).isTrue();
        assertThat(revise.path("409").path("description").asText()).contains("problems/version-conflict");
        assertThat(file.fieldNames()).toIterable().contains("201", "400", "409").doesNotContain("200", "404", "428");
        assertThat(docs.path("components").path("schemas").path("Problem").path("properties").fieldNames())
                .toIterable().contains("type", "title", "status", "detail");
    }

    @Test
    void sendsCallsWhereTheDocumentCameFrom() {
        JsonNode servers = api.get("/v3/api-docs").getBody().path("servers");

        assertThat(servers).singleElement().satisfies(server -> assertThat(server.path("url").asText()).isEqualTo("/"));
    }

    @Test
    void aWriteMayCarryAnIdempotencyKey() {
        JsonNode file = api.get("/v3/api-docs").getBody().path("paths").path("/api/stories").path("post");

        assertThat(parameter(file, "header", "Idempotency-Key")).isNotNull();
        assertThat(parameter(file, "header", "If-Match")).isNull();
    }

    @Test
    void otherChangesMayNameTheirVersionInIfMatch() {
        JsonNode link = api.get("/v3/api-docs").getBody().path("paths").path("/api/stories/{storyId}/links")
                           .path("post");

        JsonNode ifMatch = parameter(link, "header", "If-Match");
        assertThat(ifMatch).isNotNull();
        assertThat(ifMatch.path("required").asBoolean()).isFalse();
        assertThat(link.path("responses").fieldNames()).toIterable().contains("409").doesNotContain("428");
    }

    private static JsonNode parameter(JsonNode operation, String in, String name) {
        List<JsonNode> found = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> {
            if (in.equals(parameter.path("in").asText()) && name.equalsIgnoreCase(parameter.path("name").asText())) {
                found.add(parameter);
            }
        });
        return found.isEmpty() ? null : found.get(0);
    }
}
