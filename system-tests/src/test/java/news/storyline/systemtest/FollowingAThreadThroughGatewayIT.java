package news.storyline.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An editor follows the Ukraine thread through the gateway, as the README's walk does: two stories from the seed
 * page filed, attributed, linked and corrected, then read back as a timeline (paged, and as of an earlier
 * instant), a diff, a source under another alias, a search in Cyrillic, ninjs, and after a rebuild.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FollowingAThreadThroughGatewayIT {

    private static final Duration CONVERGENCE = Duration.ofSeconds(30);
    private static final String KREMLIN_TEASER = "Всички страни имат интерес от продължаване на мирните преговори "
            + "между Русия и Украйна, с посредничеството на САЩ, но все още";

    private static StorylineStack stack;
    private static String thread;
    private static String kim;
    private static String kremlin;
    private static Instant beforeCorrection;

    @BeforeAll
    static void fileTheThread() throws InterruptedException {
        stack = StorylineStack.shared();
        thread = "ukraine-walk-" + UUID.randomUUID().toString().substring(0, 8);
        write("POST", "/api/threads", Map.of("slug", thread, "title", "Мирните преговори за Украйна"), null, 201);
        kim = write("POST", "/api/stories", Map.of(
                "headline", "Ким Чен-ун обеща на Русия „безусловна подкрепа“",
                "lead", "Севернокорейският лидер Ким Чен-ун обеща на Москва „безусловна подкрепа“ по отношение на "
                        + "войната в Украйна, съобщи днес официалната севернокорейска телеграфна агенция КЦТА.",
                "body", "Ким се срещна вчера със секретаря на руския Съвет за сигурност Сергей Шойгу в Пхенян.",
                "dateline", Map.of("place", "Пхенян"), "language", "bg"), null, 201).path("id").asText();
        write("POST", "/api/stories/" + kim + "/attributions", Map.of("chain", List.of(
                Map.of("source", "КЦТА", "role", "ORIGINATOR"), Map.of("source", "Франс прес", "role", "CITED_BY"))),
              "\"1\"", 200);
        write("POST", "/api/stories/" + kim + "/links", Map.of("thread", thread), "\"2\"", 200);
        kremlin = write("POST", "/api/stories", Map.of(
                "headline", "Кремъл заяви, че мирните преговори трябва да продължат",
                "lead", KREMLIN_TEASER + " няма определена дата и място за следващия кръг, заяви говорителят.",
                "body", "Песков говори пред журналисти в Москва.",
                "dateline", Map.of("place", "Москва"), "language", "bg"), null, 201).path("id").asText();
        write("POST", "/api/stories/" + kremlin + "/links", Map.of("thread", thread), "\"1\"", 200);
        Thread.sleep(20);
        beforeCorrection = Instant.now();
        Thread.sleep(20);
        write("PUT", "/api/stories/" + kremlin, Map.of("headline", "Кремъл: мирните преговори трябва да продължат",
                                                       "kind", "CORRECTION", "note", "Съкратено заглавие"), "\"2\"", 200);
    }

    @Test
    @Order(1)
    void readsItsOwnWriteWithMinVersion() {
        Http.Response story = Http.get(stack.gatewayUrl() + "/api/stories/" + kremlin + "?minVersion=3", stack.as("reader"));

        assertThat(story.status()).as(story.toString()).isEqualTo(200);
        assertThat(story.body().path("headline").asText()).isEqualTo("Кремъл: мирните преговори трябва да продължат");
        Http.Response tooFar = Http.get(stack.gatewayUrl() + "/api/stories/" + kremlin + "?minVersion=99", stack.as("reader"));
        assertThat(tooFar.status()).as(tooFar.toString()).isEqualTo(503);
        assertThat(tooFar.header("Retry-After")).isPresent();
    }

    @Test
    @Order(2)
    void theTimelineIsNewestFirstAndPagesThroughEverything() {
        List<JsonNode> entries = await().atMost(CONVERGENCE).until(() -> timeline("&limit=100"), all -> all.size() == 6);
        assertThat(entries).extracting(entry -> entry.path("kind").asText())
                           .containsExactly("CORRECTED", "LINKED", "FILED", "LINKED", "ATTRIBUTED", "FILED");
        assertThat(entries).extracting(entry -> entry.path("storyId").asText())
                           .containsExactly(kremlin, kremlin, kremlin, kim, kim, kim);

        List<JsonNode> paged = new ArrayList<>();
        String cursor = null;
        do {
            Http.Response page = Http.get(stack.gatewayUrl() + "/api/threads/" + thread + "/timeline?limit=2"
                                                  + (cursor == null ? "" : "&cursor=" + cursor), stack.as("reader"));
            page.body().path("entries").forEach(paged::add);
            cursor = page.body().path("next").isNull() || page.body().path("next").isMissingNode() ? null
                    : page.body().path("next").asText();
        } while (cursor != null);
        assertThat(paged).hasSize(6);
    }

    @Test
    @Order(3)
    void asOfShowsTheHeadlineBeforeTheCorrection() {
        List<JsonNode> then = timeline("&limit=100&asOf=" + beforeCorrection);

        assertThat(then).extracting(entry -> entry.path("kind").asText()).doesNotContain("CORRECTED");
        assertThat(then).filteredOn(entry -> entry.path("storyId").asText().equals(kremlin))
                        .extracting(entry -> entry.path("headline").asText())
                        .containsOnly("Кремъл заяви, че мирните преговори трябва да продължат");
    }

    @Test
    @Order(4)
    void theDiffShowsTheCorrectionWordByWord() {
        Http.Response diff = Http.get(stack.gatewayUrl() + "/api/stories/" + kremlin + "/diff?from=1&to=3&minVersion=3",
                                      stack.as("reader"));

        assertThat(diff.status()).as(diff.toString()).isEqualTo(200);
        List<String> segments = new ArrayList<>();
        diff.body().path("headline").forEach(segment -> segments.add(segment.path("op").asText() + " "
                                                                            + segment.path("text").asText().strip()));
        assertThat(segments).containsExactly("EQUAL Кремъл", "DELETE заяви, че", "INSERT :",
                                             "EQUAL мирните преговори трябва да продължат");
    }

    @Test
    @Order(5)
    void findsTheSourceUnderAnotherAliasAndTheStoryInCyrillic() {
        JsonNode afp = await().atMost(CONVERGENCE).until(
                () -> Http.get(stack.gatewayUrl() + "/api/sources/AFP/stories?thread=" + thread, stack.as("reader")).body(),
                body -> body.path("stories").size() == 1);
        assertThat(afp.path("stories").get(0).path("storyId").asText()).isEqualTo(kim);
        assertThat(afp.path("stories").get(0).path("roles").toString()).contains("CITED_BY");

        JsonNode found = await().atMost(CONVERGENCE).until(
                () -> Http.get(stack.gatewayUrl() + "/api/search?q=" + encode("кремъл ПРЕГОВОРИ"), stack.as("reader")).body(),
                body -> ids(body.path("results")).contains(kremlin));
        assertThat(ids(found.path("results"))).doesNotContain(kim);
    }

    @Test
    @Order(6)
    void briefsOfTheThreadCutTheLeadAsTheSeedPageDoes() {
        JsonNode briefs = await().atMost(CONVERGENCE).until(
                () -> Http.get(stack.gatewayUrl() + "/api/briefs?thread=" + thread, stack.as("reader")).body(),
                body -> body.path("briefs").size() == 2);

        JsonNode kremlinBrief = StreamSupport.stream(briefs.path("briefs").spliterator(), false)
                                             .filter(brief -> brief.path("storyId").asText().equals(kremlin))
                                             .findFirst().orElseThrow();
        assertThat(kremlinBrief.path("teaser").asText()).isEqualTo(KREMLIN_TEASER + "...");
        assertThat(Http.get(stack.gatewayUrl() + "/api/stories/" + kim + "/ninjs", stack.as("reader")).body()
                       .path("headlines").get(0).path("value").asText()).startsWith("Ким Чен-ун");
    }

    @Test
    @Order(7)
    void aRebuildEndsWithTheSameThread() {
        List<JsonNode> before = timeline("&limit=100");
        Http.Response started = Http.send("POST", stack.gatewayUrl() + "/api/admin/rebuilds", null, stack.as("admin"));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String rebuild = started.header("Location").orElseThrow();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(
                () -> Http.get(stack.gatewayUrl() + rebuild, stack.as("admin")).body().path("status").asText(),
                status -> status.equals("DONE"));

        assertThat(timeline("&limit=100")).isEqualTo(before);
    }

    private static List<JsonNode> timeline(String query) {
        Http.Response response = Http.get(stack.gatewayUrl() + "/api/threads/" + thread + "/timeline?x=1" + query, stack.as("reader"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        response.body().path("entries").forEach(entries::add);
        return entries;
    }

    private static JsonNode write(String method, String path, Object body, String ifMatch, int expected) {
        Map<String, String> headers = ifMatch == null ? stack.as("editor")
                : Http.with(stack.as("editor"), "If-Match", ifMatch);
        Http.Response response = Http.send(method, stack.gatewayUrl() + path, body, headers);
        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        return response.body();
    }

    private static List<String> ids(JsonNode results) {
        List<String> ids = new ArrayList<>();
        results.forEach(result -> ids.add(result.path("storyId").asText()));
        return ids;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
