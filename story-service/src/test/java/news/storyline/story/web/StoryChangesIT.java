package news.storyline.story.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import news.storyline.api.story.Editor;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.UpdateStoryCommand;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.util.Date;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static news.storyline.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.POST;

/** Attributions, links, withdrawals, old event shapes and snapshots, through the real story-service. */
@ServiceIT(properties = "storyline.snapshots.story-threshold=50")
class StoryChangesIT {

    private static final String STORY = """
            {"headline": "Ким Чен-ун обеща на Русия „безусловна подкрепа“",
             "lead": "Севернокорейският лидер Ким Чен-ун обеща на Москва „безусловна подкрепа“.",
             "body": "Ким се срещна вчера със Сергей Шойгу в Пхенян.",
             "dateline": {"place": "Пхенян"}, "language": "bg"}
            """;

    @Autowired
    Api api;

    @Autowired
    MongoDatabase database;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Test
    void recordsTheAttributionChainWithTheSourcesItNames() {
        String id = file();

        ResponseEntity<JsonNode> attributed = api.send(POST, "/api/stories/" + id + "/attributions", "\"1\"", """
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

        assertProblem(api.post("/api/stories/" + id + "/attributions",
                               "{\"chain\": [{\"source\": \"АФП\", \"role\": \"AUTHOR\"}]}"), 400, "malformed-body");
        assertProblem(api.post("/api/stories/" + id + "/attributions", "{\"chain\": []}"), 400, "invalid-request");
        assertProblem(api.send(POST, "/api/stories/" + id + "/attributions", "\"7\"",
                               "{\"chain\": [{\"source\": \"АФП\", \"role\": \"ORIGINATOR\"}]}"),
                      409, "version-conflict");
        assertThat(events().countDocuments(eq("aggregateIdentifier", id))).isEqualTo(1);
    }

    @Test
    void linksStoriesOnceAndUnlinksThem() {
        String first = file();
        String second = file();
        String link = "{\"story\": \"" + first + "\", \"relation\": \"FOLLOW_UP_OF\"}";

        ResponseEntity<JsonNode> linked = api.post("/api/stories/" + second + "/links", link);
        ResponseEntity<JsonNode> again = api.post("/api/stories/" + second + "/links", link);

        assertThat(linked.getStatusCode().value()).isEqualTo(200);
        assertThat(linked.getBody().get("version").asLong()).isEqualTo(2);
        assertThat(again.getBody().get("version").asLong()).isEqualTo(2);
        assertThat(events().countDocuments(eq("aggregateIdentifier", second))).isEqualTo(2);

        ResponseEntity<JsonNode> unlinked =
                api.send(DELETE, "/api/stories/" + second + "/links/" + first, "\"2\"", null);
        assertThat(unlinked.getStatusCode().value()).isEqualTo(200);
        assertThat(unlinked.getBody().get("version").asLong()).isEqualTo(3);
        assertProblem(api.send(DELETE, "/api/stories/" + second + "/links/" + first, null, null), 404, "not-found");
    }

    @Test
    void refusesALinkToWhatWasNeverFiled() {
        String id = file();

        assertProblem(api.post("/api/stories/" + id + "/links", "{\"thread\": \"no-such-thread\"}"),
                      404, "not-found");
        assertProblem(api.post("/api/stories/" + id + "/links",
                               "{\"story\": \"" + UUID.randomUUID() + "\", \"relation\": \"RELATED_TO\"}"),
                      404, "not-found");
        assertProblem(api.post("/api/stories/" + id + "/links", "{\"thread\": \"a\", \"story\": \"b\"}"),
                      400, "invalid-request");
        assertThat(events().countDocuments(eq("aggregateIdentifier", id))).isEqualTo(1);
    }

    @Test
    void aWithdrawnStoryRefusesEveryChange() {
        String id = file();

        ResponseEntity<JsonNode> withdrawn = api.send(POST, "/api/stories/" + id + "/withdrawal", "\"1\"",
                                                      "{\"reason\": \"Източникът оттегли съобщението\"}");

        assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
        assertThat(withdrawn.getBody().get("version").asLong()).isEqualTo(2);
        assertProblem(api.put("/api/stories/" + id, "\"2\"", "{\"headline\": \"Ново\"}"), 409, "story-withdrawn");
        assertProblem(api.post("/api/stories/" + id + "/withdrawal", "{\"reason\": \"Пак\"}"),
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

        ResponseEntity<JsonNode> revised = api.put("/api/stories/" + id, "\"1\"", "{\"headline\": \"Нов формат\"}");

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

        Document snapshot = database.getCollection("snapshots").find(eq("_id", id)).first();
        assertThat(snapshot).isNotNull();
        assertThat(snapshot.get("sequenceNumber", Number.class).longValue()).isGreaterThan(revisions - 50);
        List<? extends DomainEventMessage<?>> loaded = eventStore.readEvents(id).asStream().toList();
        assertThat(loaded.size()).isLessThanOrEqualTo(51);
        assertThat(loaded.get(0).getSequenceNumber()).isEqualTo(snapshot.get("sequenceNumber", Number.class).longValue());

        ResponseEntity<JsonNode> next = api.put("/api/stories/" + id, "\"" + (revisions + 1) + "\"",
                                                "{\"headline\": \"Последна ревизия\"}");
        assertThat(next.getBody().get("version").asLong()).isEqualTo(revisions + 2);
    }

    private String file() {
        ResponseEntity<JsonNode> filed = api.post("/api/stories", STORY);
        assertThat(filed.getStatusCode().value()).isEqualTo(201);
        return filed.getBody().get("id").asText();
    }

    private MongoCollection<Document> events() {
        return database.getCollection("events");
    }
}
