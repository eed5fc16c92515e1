package news.storyline.story.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import news.storyline.trust.Caller;
import news.storyline.trust.Roles;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.mongodb.client.model.Filters.eq;
import static news.storyline.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The real story-service over HTTP, writing to MongoDB. */
@ServiceIT
class StoryWritesIT {

    private static final String STORY = """
            {"headline": "Кремъл заяви, че мирните преговори трябва да продължат",
             "lead": "Всички страни имат интерес от продължаване на мирните преговори.",
             "body": "Все още няма определена дата и място за следващия кръг.",
             "dateline": {"place": "Москва"}, "language": "bg", "desk": "world"}
            """;

    @Autowired
    Api api;

    @Autowired
    MongoDatabase database;

    @Test
    void filesAStoryAndStoresItsEvent() {
        ResponseEntity<JsonNode> response = post(STORY);

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        String id = response.getBody().get("id").asText();
        assertThat(response.getBody().get("version").asLong()).isEqualTo(1);
        assertThat(response.getHeaders().getLocation()).hasToString("/api/stories/" + id);
        assertThat(response.getHeaders().getETag()).isEqualTo("\"1\"");
        Document stored = events().find(eq("aggregateIdentifier", id)).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("payloadType")).isEqualTo("news.storyline.api.story.StoryFiledEvent");
        assertThat(stored.getString("payload")).contains("Москва", "Кремъл заяви");
    }

    @Test
    void refusesAnInvalidStoryWithAProblemAndWritesNothing() {
        long before = events().countDocuments();

        ResponseEntity<JsonNode> response = post(STORY.replace("\"Москва\"", "\"\""));

        assertProblem(response, 400, "invalid-request");
        assertThat(response.getBody().get("field").asText()).isEqualTo("dateline.place");
        assertThat(events().countDocuments()).isEqualTo(before);
    }

    @Test
    void refusesUnknownFieldsAndOperatorsWhereTextBelongs() {
        assertProblem(post(STORY.replace("\"desk\"", "\"owner\"")), 400, "malformed-body");
        assertProblem(post(STORY.replace("\"bg\"", "{\"$gt\": \"\"}")), 400, "malformed-body");
        assertProblem(post("{not json"), 400, "malformed-body");
    }

    @Test
    void revisesAStoryAtTheVersionItWasBasedOn() {
        String id = post(STORY).getBody().get("id").asText();

        ResponseEntity<JsonNode> revised = put(id, "\"1\"", "{\"headline\": \"Кремъл: преговорите продължават\"}");

        assertThat(revised.getStatusCode().value()).isEqualTo(200);
        assertThat(revised.getBody().get("version").asLong()).isEqualTo(2);
        assertThat(revised.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(events().countDocuments(eq("aggregateIdentifier", id))).isEqualTo(2);
    }

    @Test
    void refusesAStaleRevisionWithTheCurrentVersion() {
        String id = post(STORY).getBody().get("id").asText();
        put(id, "\"1\"", "{\"headline\": \"Първа промяна\"}");

        ResponseEntity<JsonNode> stale = put(id, "\"1\"", "{\"headline\": \"Закъсняла промяна\"}");

        assertProblem(stale, 409, "version-conflict");
        assertThat(stale.getBody().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(events().countDocuments(eq("aggregateIdentifier", id))).isEqualTo(2);
    }

    @Test
    void asksForTheVersionARevisionIsBasedOn() {
        String id = post(STORY).getBody().get("id").asText();

        assertProblem(put(id, null, "{\"headline\": \"Без версия\"}"), 428, "precondition-required");
        assertProblem(put(id, "\"first\"", "{\"headline\": \"Без версия\"}"), 400, "invalid-request");
    }

    @Test
    void refusesARevisionThatChangesNothing() {
        String id = post(STORY).getBody().get("id").asText();

        assertProblem(put(id, "\"1\"", "{\"lead\": \"Всички страни имат интерес от продължаване на мирните преговори.\"}"),
                      422, "unprocessable");
    }

    @Test
    void saysWhenThereIsNoSuchStory() {
        assertProblem(put("no-such-story", "\"1\"", "{\"headline\": \"Нищо\"}"), 404, "not-found");
    }

    /** Writers who are different editors race one version, round after round: one wins each, the rest 409. */
    @Test
    void letsExactlyOneOfManyConcurrentRevisionsOfOneVersionWin() throws Exception {
        String id = post(STORY).getBody().get("id").asText();
        int writers = 30;
        int rounds = 3;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 1; round <= rounds; round++) {
                String ifMatch = "\"" + round + "\"";
                List<Callable<Integer>> attempts = new ArrayList<>();
                for (int i = 0; i < writers; i++) {
                    Api editor = api.as(new Caller("racing-editor-" + i, null, Set.of(Roles.EDITOR)));
                    String headline = "{\"headline\": \"Версия " + round + "." + i + "\"}";
                    attempts.add(() -> editor.put("/api/stories/" + id, ifMatch, headline).getStatusCode().value());
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> status : pool.invokeAll(attempts)) {
                    statuses.add(status.get());
                }

                assertThat(statuses).as("round %s", round).filteredOn(status -> status == 200).hasSize(1);
                assertThat(statuses).as("round %s", round).filteredOn(status -> status == 409).hasSize(writers - 1);
            }
            assertThat(events().countDocuments(eq("aggregateIdentifier", id))).isEqualTo(1 + rounds);
        } finally {
            pool.shutdownNow();
        }
    }

    private ResponseEntity<JsonNode> post(String body) {
        return api.post("/api/stories", body);
    }

    private ResponseEntity<JsonNode> put(String id, String ifMatch, String body) {
        return api.put("/api/stories/" + id, ifMatch, body);
    }

    private MongoCollection<Document> events() {
        return database.getCollection("events");
    }
}
