package news.storyline.brief.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.thread.ThreadOpenedEvent;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;

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
@ServiceIT(properties = {"storyline.rebuilds.poll=100ms", "storyline.rebuilds.switch-refresh=200ms"})
@Import(EventStoreWriter.class)
class RebuildIT {

    private static final Editor EDITOR = Editor.of("editor");
    private static final List<String> REBUILT = List.of("stories", "briefs", "threads", "thread_summaries",
                                                        "timeline_entries");

    /** The event store's database, which also holds every generation of the read models. */
    @Autowired
    @Qualifier("storylineDatabase")
    MongoDatabase database;

    @Autowired
    Api api;

    /** Appends the events, as story-service would. */
    @Autowired
    EventStoreWriter store;

    @Test
    void rebuildsUnderConcurrentWritesAndEndsIdenticalToTheLiveModel() throws Exception {
        store.append("ukraine", 0, new ThreadOpenedEvent("ukraine", "Мирните преговори", null, EDITOR, Instant.now()));
        for (int n = 0; n < 20; n++) {
            writeStory("before-" + n);
        }
        awaitStories(21 - 1);

        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> {
            int written = 0;
            while (writing.get()) {
                writeStory("during-" + written++);
                // More often than the replay's poll, as under any steady load: the stream never pauses for it.
                pause(Duration.ofMillis(50));
            }
            return written;
        });
        ResponseEntity<JsonNode> started = startRebuild();
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        String rebuild = started.getHeaders().getLocation().toString();
        assertThat(startRebuild().getStatusCode().value()).as("one rebuild at a time").isEqualTo(422);
        JsonNode done = awaitDone(rebuild);
        writing.set(false);
        int writtenDuring = writer.get();

        assertThat(done.get("generation").asLong()).isEqualTo(2);
        assertThat(writtenDuring).as("events were written while the rebuild ran").isPositive();
        Map<String, Long> expected = versionsInStore();
        assertThat(expected).hasSize(20 + writtenDuring);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(versions("stories__g2")).isEqualTo(expected));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(database.getCollection("timeline_entries__g2").countDocuments())
                        .isEqualTo(expected.size() * 3L));
        assertThat(database.listCollectionNames().into(new ArrayList<>())).doesNotContain("stories", "briefs");
        JsonNode served = api.get("/api/stories/during-0").getBody();
        assertThat(served.get("headline").asText()).isEqualTo("Поправено: during-0");

        Map<String, List<Document>> afterFirst = contents(2);
        JsonNode again = awaitDone(startRebuild().getHeaders().getLocation().toString());
        assertThat(again.get("generation").asLong()).isEqualTo(3);
        assertThat(contents(3)).isEqualTo(afterFirst);
    }

    /** A story filed, corrected and linked to the thread: three events. */
    private void writeStory(String id) {
        store.story(id,
                    new StoryFiledEvent(id, "Заглавие: " + id, "Лийд за " + id + ".", "Текст.", Dateline.of("Москва"),
                                        "bg", "world", EDITOR, Instant.now()),
                    new StoryUpdatedEvent(id, "Поправено: " + id, null, null, RevisionKind.CORRECTION, "Поправка",
                                          EDITOR, Instant.now()),
                    new StoryLinkedEvent(id, LinkTarget.thread("ukraine"), EDITOR, Instant.now()));
    }

    private ResponseEntity<JsonNode> startRebuild() {
        return api.post("/api/admin/rebuilds", null);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode awaitDone(String rebuild) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                      .until(() -> api.get(rebuild).getBody(),
                             status -> !"REPLAYING".equals(status.get("status").asText())
                                     && !"SWITCHED".equals(status.get("status").asText()));
    }

    private void awaitStories(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> database.getCollection("stories").countDocuments() == count);
    }

    private Map<String, Long> versionsInStore() {
        Map<String, Long> versions = new TreeMap<>();
        database.getCollection("events").find(new Document("type", "Story")).forEach(event -> versions.merge(
                event.getString("aggregateIdentifier"), event.get("sequenceNumber", Number.class).longValue() + 1,
                Math::max));
        return versions;
    }

    private Map<String, Long> versions(String collection) {
        Map<String, Long> versions = new TreeMap<>();
        database.getCollection(collection).find().forEach(story -> versions.put(
                story.getString("_id"), story.get("version", Number.class).longValue()));
        return versions;
    }

    /** Every rebuilt read model's documents, in a stable order, for comparing generations. */
    private Map<String, List<Document>> contents(long generation) {
        Map<String, List<Document>> contents = new TreeMap<>();
        for (String readModel : REBUILT) {
            contents.put(readModel, database.getCollection(readModel + "__g" + generation).find()
                                            .sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return contents;
    }
}
