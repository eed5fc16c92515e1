package news.storyline.story.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import news.storyline.api.story.Editor;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.UpdateStoryCommand;
import news.storyline.testsupport.TestMongo;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.util.Date;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/** Attributions, links, withdrawals, old event shapes and snapshots, through the real story-service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "storyline.snapshots.story-threshold=50")
class StoryChangesIT {

    private static final String DATABASE = TestMongo.freshDatabaseName("story_changes");
    private static final String STORY = """
            {"headline": "Ким Чен-ун обеща на Русия „безусловна подкрепа“",
             "lead": "Севернокорейският лидер Ким Чен-ун обеща на Москва „безусловна подкрепа“.",
             "body": "Ким се срещна вчера със Сергей Шойгу в Пхенян.",
             "dateline": {"place": "Пхенян"}, "language": "bg"}
            """;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> TestMongo.uriOf(DATABASE));
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoClient mongo;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    private RestClient http;

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                         .defaultStatusHandler(status -> true, (request, response) -> { })
                         .build();
    }

    @Test
    void recordsTheAttributionChainWithTheSourcesItNames() {
        String id = file();

        ResponseEntity<JsonNode> attributed = send("POST", "/api/stories/" + id + "/attributions", "\"1\"", """
                {"chain": [{"source": "КЦТА", "role": "ORIGINATOR"}, {"source": "Франс прес", "role": "CITED_BY"}]}
                """);

        assertThat(attributed.getStatusCode().value()).isEqualTo(200);
        assertThat(attributed.getBody().get("version").asLong()).isEqualTo(2);
        Document event = events().find(eq("aggregateIdentifier", id)).sort(new Document("sequenceNumber", -1)).first();
        assertThat(event.getString("payloadType")).endsWith("StoryAttributedEvent");
        assertThat(event.getString("payload")).contains("\"sourceId\":\"kcna\"", "\"sourceId\":\"afp\"", "Франс прес");
    }

    @Test
    void refusesAChainWithAnUnknownRoleAndAStaleVersion() {
        String id = file();

        assertProblem(send("POST", "/api/stories/" + id + "/attributions", null,
                           "{\"chain\": [{\"source\": \"АФП\", \"role\": \"AUTHOR\"}]}"), 400, "malformed-body");
        assertProblem(send("POST", "/api/stories/" + id + "/attributions", null, "{\"chain\": []}"),
                      400, "invalid-request");
        assertProblem(send("POST", "/api/stories/" + id + "/attributions", "\"7\"",
                           "{\"chain\": [{\"source\": \"АФП\", \"role\": \"ORIGINATOR\"}]}"), 409, "version-conflict");
        assertThat(events().countDocuments(eq("aggregateIdentifier", id))).isEqualTo(1);
    }

    @Test
    void linksStoriesOnceAndUnlinksThem() {
        String first = file();
        String second = file();
        String link = "{\"story\": \"" + first + "\", \"relation\": \"FOLLOW_UP_OF\"}";

        ResponseEntity<JsonNode> linked = send("POST", "/api/stories/" + second + "/links", null, link);
        ResponseEntity<JsonNode> again = send("POST", "/api/stories/" + second + "/links", null, link);

        assertThat(linked.getStatusCode().value()).isEqualTo(200);
        assertThat(linked.getBody().get("version").asLong()).isEqualTo(2);
        assertThat(again.getBody().get("version").asLong()).isEqualTo(2);
        assertThat(events().countDocuments(eq("aggregateIdentifier", second))).isEqualTo(2);

        ResponseEntity<JsonNode> unlinked = send("DELETE", "/api/stories/" + second + "/links/" + first, "\"2\"", null);
        assertThat(unlinked.getStatusCode().value()).isEqualTo(200);
        assertThat(unlinked.getBody().get("version").asLong()).isEqualTo(3);
        assertProblem(send("DELETE", "/api/stories/" + second + "/links/" + first, null, null), 404, "not-found");
    }

    @Test
    void refusesALinkToWhatWasNeverFiled() {
        String id = file();

        assertProblem(send("POST", "/api/stories/" + id + "/links", null, "{\"thread\": \"no-such-thread\"}"),
                      404, "not-found");
        assertProblem(send("POST", "/api/stories/" + id + "/links", null,
                           "{\"story\": \"" + UUID.randomUUID() + "\", \"relation\": \"RELATED_TO\"}"), 404, "not-found");
        assertProblem(send("POST", "/api/stories/" + id + "/links", null, "{\"thread\": \"a\", \"story\": \"b\"}"),
                      400, "invalid-request");
        assertThat(events().countDocuments(eq("aggregateIdentifier", id))).isEqualTo(1);
    }

    @Test
    void aWithdrawnStoryRefusesEveryChange() {
        String id = file();

        ResponseEntity<JsonNode> withdrawn = send("POST", "/api/stories/" + id + "/withdrawal", "\"1\"",
                                                  "{\"reason\": \"Източникът оттегли съобщението\"}");

        assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
        assertThat(withdrawn.getBody().get("version").asLong()).isEqualTo(2);
        assertProblem(send("PUT", "/api/stories/" + id, "\"2\"", "{\"headline\": \"Ново\"}"), 409, "story-withdrawn");
        assertProblem(send("POST", "/api/stories/" + id + "/withdrawal", null, "{\"reason\": \"Пак\"}"),
                      409, "story-withdrawn");
        assertThat(events().countDocuments(eq("aggregateIdentifier", id))).isEqualTo(2);
    }

    @Test
    void revisesAStoryFiledInTheFirstEventShape() {
        String id = UUID.randomUUID().toString();
        events().insertOne(new Document("_id", UUID.randomUUID().toString())
                                   .append("globalIndex", 1_000_000L + (long) (Math.random() * 1_000_000))
                                   .append("aggregateIdentifier", id).append("sequenceNumber", 0L)
                                   .append("type", "Story").append("timestamp", new Date()).append("storedAt", new Date())
                                   .append("payloadType", "news.storyline.api.story.StoryFiledEvent")
                                   .append("payloadRevision", "1")
                                   .append("payload", """
                                           {"storyId":"%s","headline":"Стар формат","lead":"Лийд.","body":"Текст.",
                                            "dateline":{"place":"Берлин"},"language":"bg","filedBy":"old-editor",
                                            "filedAt":"2025-01-01T10:00:00Z"}""".formatted(id))
                                   .append("metaData", "{}"));

        ResponseEntity<JsonNode> revised = send("PUT", "/api/stories/" + id, "\"1\"", "{\"headline\": \"Нов формат\"}");

        assertThat(revised.getStatusCode().value()).isEqualTo(200);
        assertThat(revised.getBody().get("version").asLong()).isEqualTo(2);
        DomainEventMessage<?> filed = eventStore.readEvents(id).next();
        assertThat(filed.getPayload()).hasFieldOrPropertyWithValue("filedBy", Editor.of("old-editor"));
    }

    /** With thousands of revisions, a story loads from its latest snapshot and the few events after it. */
    @Test
    void loadsAStoryWithThousandsOfRevisionsFromASnapshot() {
        String id = file();
        int revisions = 2_000;
        for (int n = 1; n <= revisions; n++) {
            commands.sendAndWait(new UpdateStoryCommand(id, (long) n - 1, "Ревизия " + n, null, null,
                                                        RevisionKind.UPDATE, null, Editor.of("load-test")));
        }

        Document snapshot = mongo.getDatabase(DATABASE).getCollection("snapshots").find(eq("_id", id)).first();
        assertThat(snapshot).isNotNull();
        assertThat(snapshot.get("sequenceNumber", Number.class).longValue()).isGreaterThan(revisions - 50);
        List<? extends DomainEventMessage<?>> loaded = eventStore.readEvents(id).asStream().toList();
        assertThat(loaded.size()).isLessThanOrEqualTo(51);
        assertThat(loaded.get(0).getSequenceNumber()).isEqualTo(snapshot.get("sequenceNumber", Number.class).longValue());

        ResponseEntity<JsonNode> next = send("PUT", "/api/stories/" + id, "\"" + (revisions + 1) + "\"",
                                             "{\"headline\": \"Последна ревизия\"}");
        assertThat(next.getBody().get("version").asLong()).isEqualTo(revisions + 2);
    }

    private String file() {
        ResponseEntity<JsonNode> filed = send("POST", "/api/stories", null, STORY);
        assertThat(filed.getStatusCode().value()).isEqualTo(201);
        return filed.getBody().get("id").asText();
    }

    private ResponseEntity<JsonNode> send(String method, String path, String ifMatch, String body) {
        var request = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                          .headers(h -> {
                              if (ifMatch != null) {
                                  h.set(HttpHeaders.IF_MATCH, ifMatch);
                              }
                          });
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    private MongoCollection<Document> events() {
        return mongo.getDatabase(DATABASE).getCollection("events");
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, int status, String type) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().get("type").asText()).isEqualTo("https://storyline.news/problems/" + type);
    }
}
