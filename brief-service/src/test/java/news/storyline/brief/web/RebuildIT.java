package news.storyline.brief.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.thread.ThreadOpenedEvent;
import news.storyline.eventstore.GlobalIndexMongoEventStorageEngine;
import news.storyline.eventstore.StorylineJson;
import news.storyline.testsupport.TestMongo;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Blue/green rebuilds of the read models through the real brief-service, while a writer keeps appending events:
 * the old generation serves until the new one has caught up, nothing written meanwhile is lost, and a second
 * rebuild ends with exactly the same read models.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"storyline.rebuilds.poll=100ms", "storyline.rebuilds.switch-refresh=200ms"})
class RebuildIT {

    private static final String DATABASE = TestMongo.freshDatabaseName("rebuilds");
    private static final Editor EDITOR = Editor.of("editor");
    private static final List<String> REBUILT = List.of("stories", "briefs", "threads", "timeline_entries");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> TestMongo.uriOf(DATABASE));
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoClient mongo;

    @Test
    void rebuildsUnderConcurrentWritesAndEndsIdenticalToTheLiveModel() throws Exception {
        RestClient http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                                    .defaultStatusHandler(status -> true, (request, response) -> { }).build();
        GlobalIndexMongoEventStorageEngine store = GlobalIndexMongoEventStorageEngine.builder()
                .database(database()).eventSerializer(StorylineJson.serializer())
                .snapshotSerializer(StorylineJson.serializer()).build();
        append(store, "ukraine", 0, new ThreadOpenedEvent("ukraine", "Мирните преговори", null, EDITOR, Instant.now()));
        for (int n = 0; n < 20; n++) {
            writeStory(store, "before-" + n);
        }
        awaitStories(21 - 1);

        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> {
            int written = 0;
            while (writing.get()) {
                writeStory(store, "during-" + written++);
                pause(Duration.ofMillis(300)); // a busy newsroom, not a flood the replay could never catch
            }
            return written;
        });
        ResponseEntity<JsonNode> started = http.post().uri("/api/admin/rebuilds").retrieve().toEntity(JsonNode.class);
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        String rebuild = started.getHeaders().getLocation().toString();
        assertThat(http.post().uri("/api/admin/rebuilds").retrieve().toEntity(JsonNode.class).getStatusCode().value())
                .as("one rebuild at a time").isEqualTo(422);
        JsonNode done = awaitDone(http, rebuild);
        writing.set(false);
        int writtenDuring = writer.get();

        assertThat(done.get("generation").asLong()).isEqualTo(2);
        assertThat(writtenDuring).as("events were written while the rebuild ran").isPositive();
        Map<String, Long> expected = versionsInStore();
        assertThat(expected).hasSize(20 + writtenDuring);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(versions("stories__g2")).isEqualTo(expected));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(database().getCollection("timeline_entries__g2").countDocuments())
                        .isEqualTo(expected.size() * 3L));
        assertThat(database().listCollectionNames().into(new ArrayList<>())).doesNotContain("stories", "briefs");
        JsonNode served = http.get().uri("/api/stories/during-0").retrieve().toEntity(JsonNode.class).getBody();
        assertThat(served.get("headline").asText()).isEqualTo("Поправено: during-0");

        Map<String, List<Document>> afterFirst = contents(2);
        JsonNode again = awaitDone(http, http.post().uri("/api/admin/rebuilds").retrieve().toEntity(JsonNode.class)
                                             .getHeaders().getLocation().toString());
        assertThat(again.get("generation").asLong()).isEqualTo(3);
        assertThat(contents(3)).isEqualTo(afterFirst);
    }

    /** A story filed, corrected and linked to the thread: three events. */
    private static void writeStory(GlobalIndexMongoEventStorageEngine store, String id) {
        append(store, id, 0, new StoryFiledEvent(id, "Заглавие: " + id, "Лийд за " + id + ".", "Текст.",
                                                 Dateline.of("Москва"), "bg", "world", EDITOR, Instant.now()));
        append(store, id, 1, new StoryUpdatedEvent(id, "Поправено: " + id, null, null, RevisionKind.CORRECTION,
                                                   "Поправка", EDITOR, Instant.now()));
        append(store, id, 2, new StoryLinkedEvent(id, LinkTarget.thread("ukraine"), EDITOR, Instant.now()));
    }

    private static void append(GlobalIndexMongoEventStorageEngine store, String id, long sequence, Object event) {
        store.appendEvents(new GenericDomainEventMessage<>(event instanceof ThreadOpenedEvent ? "NewsThread" : "Story",
                                                           id, sequence, event));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode awaitDone(RestClient http, String rebuild) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                      .until(() -> http.get().uri(rebuild).retrieve().toEntity(JsonNode.class).getBody(),
                             status -> !"REPLAYING".equals(status.get("status").asText())
                                     && !"SWITCHED".equals(status.get("status").asText()));
    }

    private void awaitStories(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> database().getCollection("stories").countDocuments() == count);
    }

    private Map<String, Long> versionsInStore() {
        Map<String, Long> versions = new TreeMap<>();
        database().getCollection("events").find(new Document("type", "Story")).forEach(event -> versions.merge(
                event.getString("aggregateIdentifier"), event.get("sequenceNumber", Number.class).longValue() + 1,
                Math::max));
        return versions;
    }

    private Map<String, Long> versions(String collection) {
        Map<String, Long> versions = new TreeMap<>();
        database().getCollection(collection).find().forEach(story -> versions.put(
                story.getString("_id"), story.get("version", Number.class).longValue()));
        return versions;
    }

    /** Every rebuilt read model's documents, in a stable order, for comparing generations. */
    private Map<String, List<Document>> contents(long generation) {
        Map<String, List<Document>> contents = new TreeMap<>();
        for (String readModel : REBUILT) {
            contents.put(readModel, database().getCollection(readModel + "__g" + generation).find()
                                              .sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return contents;
    }

    private MongoDatabase database() {
        return mongo.getDatabase(DATABASE);
    }
}
