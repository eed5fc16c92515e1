package news.storyline.story.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static com.mongodb.client.model.Filters.eq;
import static news.storyline.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The real story-service over HTTP, opening, renaming and closing threads in MongoDB. */
@ServiceIT
class ThreadWritesIT {

    @Autowired
    Api api;

    @Autowired
    MongoDatabase database;

    @Test
    void opensAThreadAndStoresItsEvent() {
        ResponseEntity<JsonNode> response = open("""
                {"slug": "ukraine-peace-talks", "title": "Мирните преговори за Украйна",
                 "description": "Кремъл, Киев и посредниците"}
                """);

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getBody().get("id").asText()).isEqualTo("ukraine-peace-talks");
        assertThat(response.getBody().get("version").asLong()).isEqualTo(1);
        assertThat(response.getHeaders().getLocation()).hasToString("/api/threads/ukraine-peace-talks");
        assertThat(response.getHeaders().getETag()).isEqualTo("\"1\"");
        Document stored = events().find(eq("aggregateIdentifier", "ukraine-peace-talks")).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("type")).isEqualTo("NewsThread");
        assertThat(stored.getString("payloadType")).isEqualTo("news.storyline.api.thread.ThreadOpenedEvent");
        assertThat(stored.getString("payload")).contains("Мирните преговори за Украйна");
    }

    @Test
    void refusesASlugThatIsTakenAndWritesNothing() {
        open("{\"slug\": \"irans-new-supreme-leader\", \"title\": \"Iran's new supreme leader\"}");

        ResponseEntity<JsonNode> again = open("{\"slug\": \"irans-new-supreme-leader\", \"title\": \"Иран\"}");

        assertProblem(again, 409, "already-exists");
        assertThat(events().countDocuments(eq("aggregateIdentifier", "irans-new-supreme-leader"))).isEqualTo(1);
    }

    @Test
    void makesTheSlugFromTheTitleWhenNoneIsSent() {
        ResponseEntity<JsonNode> response = open("{\"title\": \"Кремъл: мирните преговори продължават\"}");

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getBody().get("id").asText()).isEqualTo("kremal-mirnite-pregovori-prodalzhavat");
        assertThat(response.getHeaders().getLocation())
                .hasToString("/api/threads/kremal-mirnite-pregovori-prodalzhavat");
    }

    @Test
    void renamesAThreadAtTheVersionItWasBasedOn() {
        open("{\"slug\": \"korea-russia\", \"title\": \"КНДР и Русия\"}");

        ResponseEntity<JsonNode> renamed = rename("korea-russia", "\"1\"", "{\"title\": \"Ким обеща подкрепа на Русия\"}");

        assertThat(renamed.getStatusCode().value()).isEqualTo(200);
        assertThat(renamed.getBody().get("id").asText()).isEqualTo("korea-russia");
        assertThat(renamed.getBody().get("version").asLong()).isEqualTo(2);
        assertThat(renamed.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(events().countDocuments(eq("aggregateIdentifier", "korea-russia"))).isEqualTo(2);
    }

    @Test
    void refusesAStaleRenameWithTheCurrentVersion() {
        open("{\"slug\": \"kremlin-talks\", \"title\": \"Кремъл\"}");
        rename("kremlin-talks", "\"1\"", "{\"title\": \"Кремъл за преговорите\"}");

        ResponseEntity<JsonNode> stale = rename("kremlin-talks", "\"1\"", "{\"title\": \"Закъсняло заглавие\"}");

        assertProblem(stale, 409, "version-conflict");
        assertThat(stale.getBody().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(events().countDocuments(eq("aggregateIdentifier", "kremlin-talks"))).isEqualTo(2);
    }

    @Test
    void asksForTheVersionARenameIsBasedOn() {
        open("{\"slug\": \"berlin\", \"title\": \"Берлин\"}");

        assertProblem(rename("berlin", null, "{\"title\": \"Без версия\"}"), 428, "precondition-required");
        assertProblem(rename("berlin", "\"first\"", "{\"title\": \"Без версия\"}"), 400, "invalid-request");
    }

    @Test
    void refusesARenameThatChangesNothing() {
        open("{\"slug\": \"pyongyang\", \"title\": \"Пхенян\", \"description\": \"КНДР\"}");

        assertProblem(rename("pyongyang", "\"1\"", "{\"title\": \"Пхенян\"}"), 422, "unprocessable");
        assertProblem(rename("pyongyang", "\"1\"", "{\"title\": \"Пхенян\", \"description\": \"КНДР\"}"),
                      422, "unprocessable");
    }

    @Test
    void closesAThreadThatThenTakesNoRename() {
        open("{\"slug\": \"phnom-penh\", \"title\": \"Пномпен\"}");

        ResponseEntity<JsonNode> closed = close("phnom-penh", null);

        assertThat(closed.getStatusCode().value()).isEqualTo(200);
        assertThat(closed.getBody().get("version").asLong()).isEqualTo(2);
        assertThat(closed.getHeaders().getETag()).isEqualTo("\"2\"");
        assertProblem(rename("phnom-penh", "\"2\"", "{\"title\": \"Пномпен, Камбоджа\"}"), 409, "thread-closed");
        assertProblem(close("phnom-penh", "\"2\""), 409, "thread-closed");
        assertThat(events().countDocuments(eq("aggregateIdentifier", "phnom-penh"))).isEqualTo(2);
    }

    @Test
    void refusesAClosureBasedOnAnOldVersion() {
        open("{\"slug\": \"moscow\", \"title\": \"Москва\"}");
        rename("moscow", "\"1\"", "{\"title\": \"Москва и Киев\"}");

        assertProblem(close("moscow", "\"1\""), 409, "version-conflict");
    }

    @Test
    void saysWhenThereIsNoSuchThread() {
        assertProblem(rename("no-such-thread", "\"1\"", "{\"title\": \"Нищо\"}"), 404, "not-found");
        assertProblem(close("no-such-thread", null), 404, "not-found");
    }

    @Test
    void refusesAnInvalidThreadAndWritesNothing() {
        long before = events().countDocuments();

        ResponseEntity<JsonNode> badSlug = open("{\"slug\": \"Ukraine Peace Talks\", \"title\": \"Украйна\"}");
        ResponseEntity<JsonNode> longTitle = open("{\"title\": \"" + "а".repeat(201) + "\"}");
        ResponseEntity<JsonNode> noSlugToMake = open("{\"title\": \"?!\"}");

        assertProblem(badSlug, 400, "invalid-request");
        assertThat(badSlug.getBody().get("field").asText()).isEqualTo("slug");
        assertProblem(longTitle, 400, "invalid-request");
        assertThat(longTitle.getBody().get("field").asText()).isEqualTo("title");
        assertProblem(noSlugToMake, 400, "invalid-request");
        assertThat(noSlugToMake.getBody().get("field").asText()).isEqualTo("slug");
        assertThat(events().countDocuments()).isEqualTo(before);
    }

    /** Stories and threads share one event store: an id of one kind is nothing of the other. */
    @Test
    void takesNoStoryForAThreadNorAThreadForAStory() {
        String storyId = api.post("/api/stories", """
                {"headline": "Ирак поздрави Хаменей", "lead": "Лийд.", "body": "Текст.",
                 "dateline": {"place": "Багдад"}, "language": "bg"}
                """).getBody().get("id").asText();
        open("{\"slug\": \"irans-new-leader\", \"title\": \"Иран\"}");

        assertProblem(rename(storyId, "\"1\"", "{\"title\": \"Иран\"}"), 404, "not-found");
        assertProblem(close(storyId, null), 404, "not-found");
        assertProblem(api.put("/api/stories/irans-new-leader", "\"1\"", "{\"headline\": \"Ново\"}"), 404, "not-found");
        assertThat(events().countDocuments(eq("aggregateIdentifier", storyId))).isEqualTo(1);
        assertThat(events().countDocuments(eq("aggregateIdentifier", "irans-new-leader"))).isEqualTo(1);
    }

    private ResponseEntity<JsonNode> open(String body) {
        return api.post("/api/threads", body);
    }

    private ResponseEntity<JsonNode> rename(String slug, String ifMatch, String body) {
        return api.put("/api/threads/" + slug, ifMatch, body);
    }

    private ResponseEntity<JsonNode> close(String slug, String ifMatch) {
        return api.send(HttpMethod.POST, "/api/threads/" + slug + "/closure", ifMatch, null);
    }

    private MongoCollection<Document> events() {
        return database.getCollection("events");
    }
}
