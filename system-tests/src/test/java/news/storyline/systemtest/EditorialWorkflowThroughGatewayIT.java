package news.storyline.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An editor's day with a developing story, every write through the gateway: open a thread, file, attribute,
 * link, correct, unlink, withdraw, close. Each write answers with the new version, and the read side follows.
 */
class EditorialWorkflowThroughGatewayIT {

    private static final Duration CONVERGENCE = Duration.ofSeconds(20);

    private static StorylineStack stack;

    @BeforeAll
    static void startStack() {
        stack = StorylineStack.shared();
    }

    @Test
    void everyCommandWorksThroughTheGateway() {
        String slug = "ukraine-peace-talks-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response opened = write("POST", "/api/threads", Map.of("slug", slug, "title", "Мирните преговори за Украйна"),
                                     null);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);

        Http.Response filed = write("POST", "/api/stories", Map.of(
                "headline", "Кремъл заяви, че мирните преговори трябва да продължат",
                "lead", "Всички страни имат интерес от продължаване на мирните преговори между Русия и Украйна.",
                "body", "Все още няма определена дата и място за следващия кръг.",
                "dateline", Map.of("place", "Москва"), "language", "bg"), null);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.body().path("id").asText();
        String story = "/api/stories/" + id;

        assertVersion(write("POST", story + "/attributions", Map.of("chain", new Object[]{
                Map.of("source", "ТАСС", "role", "ORIGINATOR"), Map.of("source", "Франс прес", "role", "CITED_BY")}),
                            "\"1\""), 2);
        assertVersion(write("POST", story + "/links", Map.of("thread", slug), "\"2\""), 3);
        assertVersion(write("POST", story + "/links", Map.of("thread", slug), null), 3);
        assertVersion(write("PUT", story, Map.of("headline", "Кремъл: мирните преговори трябва да продължат",
                                                 "kind", "CORRECTION", "note", "Съкратено заглавие"), "\"3\""), 4);
        JsonNode projected = awaitVersion(id, 4);
        assertThat(projected.path("threads").get(0).asText()).isEqualTo(slug);
        assertThat(projected.path("attributions").get(0).get(1).path("sourceId").asText()).isEqualTo("afp");
        assertThat(projected.path("headline").asText()).isEqualTo("Кремъл: мирните преговори трябва да продължат");

        assertVersion(write("DELETE", story + "/links/" + slug, null, "\"4\""), 5);
        assertVersion(write("POST", story + "/withdrawal", Map.of("reason", "Дублирана новина"), "\"5\""), 6);
        Http.Response refused = write("PUT", story, Map.of("headline", "Още"), "\"6\"");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body().path("type").asText()).endsWith("/story-withdrawn");
        assertThat(awaitVersion(id, 6).path("status").asText()).isEqualTo("WITHDRAWN");

        assertVersion(write("PUT", "/api/threads/" + slug, Map.of("title", "Преговорите за Украйна"), "\"1\""), 2);
        assertVersion(write("POST", "/api/threads/" + slug + "/closure", null, "\"2\""), 3);
    }

    private static Http.Response write(String method, String path, Object body, String ifMatch) {
        Map<String, String> headers = ifMatch == null ? stack.as("editor")
                : Http.with(stack.as("editor"), "If-Match", ifMatch);
        return Http.send(method, stack.gatewayUrl() + path, body, headers);
    }

    private static void assertVersion(Http.Response response, long version) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body().path("version").asLong()).as(response.toString()).isEqualTo(version);
        assertThat(response.header("ETag")).as(response.toString()).contains("\"" + version + "\"");
    }

    private static JsonNode awaitVersion(String id, long version) {
        AtomicReference<JsonNode> story = new AtomicReference<>();
        await().atMost(CONVERGENCE).untilAsserted(() -> {
            Http.Response response = Http.get(stack.gatewayUrl() + "/api/stories/" + id, stack.as("reader"));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.body().path("version").asLong()).as(response.toString()).isEqualTo(version);
            story.set(response.body());
        });
        return story.get();
    }
}
