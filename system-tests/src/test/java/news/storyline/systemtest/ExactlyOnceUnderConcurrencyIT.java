package news.storyline.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.eventstore.GlobalIndexMongoEventStorageEngine;
import news.storyline.eventstore.MongoGlobalIndexAllocator;
import news.storyline.eventstore.StorylineJson;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two story-service instances, many clients filing and revising at once (some racing on the same version), and a
 * writer whose commit lands seconds after later events are already stored. brief-service must end with exactly
 * the events in the store: each once, none missing, in one dense order.
 */
class ExactlyOnceUnderConcurrencyIT {

    private static final int CLIENTS = 6;
    private static final int STORIES_PER_CLIENT = 4;
    private static final int REVISIONS_PER_STORY = 3;
    private static final Duration SLOW_COMMIT = Duration.ofSeconds(3);
    private static final Duration CONVERGENCE = Duration.ofSeconds(60);

    private static StorylineStack stack;

    @BeforeAll
    static void startStack() {
        stack = StorylineStack.shared();
    }

    @Test
    void theReadModelsEndWithExactlyTheEventsInTheStore() throws Exception {
        CompletableFuture<String> slowStory = fileWithADelayedCommit();
        Map<String, String> latestHeadlines = new ConcurrentHashMap<>();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int me = client;
                work.add(() -> {
                    runClient(me, latestHeadlines);
                    return null;
                });
            }
            for (Future<Void> done : clients.invokeAll(work, 3, TimeUnit.MINUTES)) {
                done.get();
            }
        } finally {
            clients.shutdownNow();
        }
        String lateStoryId = slowStory.get(30, TimeUnit.SECONDS);

        MongoDatabase database = stack.database();
        Set<String> stored = stack.eventIds();
        await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(500))
               .until(() -> database.getCollection("feed").countDocuments() >= stored.size());

        List<Document> feed = database.getCollection("feed").find().sort(new Document("_id", 1))
                                      .into(new ArrayList<>());
        List<String> fed = feed.stream().map(entry -> entry.getString("eventId")).toList();
        assertThat(fed).doesNotHaveDuplicates();
        assertThat(new HashSet<>(fed)).isEqualTo(stored);
        assertThat(feed).extracting(entry -> entry.get("_id", Number.class).longValue())
                        .containsExactlyElementsOf(range(1, stored.size()));

        Map<String, Long> versionsInStore = lastVersions(database);
        await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(projectedVersions(versionsInStore.keySet()))
                .isEqualTo(versionsInStore));
        latestHeadlines.forEach((id, headline) -> assertThat(served(id).path("headline").asText())
                .as("story %s", id).isEqualTo(headline));
        assertThat(versionsInStore).containsKey(lateStoryId);
        assertDeliveredAfterLaterEvents(database, fed, lateStoryId);
        assertThat(redeliveries()).isZero();
    }

    /**
     * Each client files stories on both story-service instances in turn, and revises each a few times. On every
     * revision a second request races it with the same If-Match: exactly one of the two may win.
     */
    private static void runClient(int client, Map<String, String> latestHeadlines) {
        for (int n = 0; n < STORIES_PER_CLIENT; n++) {
            String instance = stack.storyServiceUrl((client + n) % stack.storyServiceInstances());
            Http.Response filed = Http.post(instance + "/api/stories", story("Клиент " + client + ", история " + n),
                                           stack.asGateway("editor"));
            assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
            String id = filed.body().path("id").asText();
            latestHeadlines.put(id, "Клиент " + client + ", история " + n);
            long version = 1;
            for (int revision = 1; revision <= REVISIONS_PER_STORY; revision++) {
                String headline = "Ревизия " + revision + " на " + id;
                String rivalHeadline = "Съперник " + revision + " на " + id;
                long basedOn = version;
                CompletableFuture<Http.Response> rival = CompletableFuture.supplyAsync(
                        () -> revise(stack.storyServiceUrl(1), id, basedOn, rivalHeadline));
                Http.Response mine = revise(stack.storyServiceUrl(0), id, basedOn, headline);
                Http.Response theirs = rival.join();
                assertThat(List.of(mine.status(), theirs.status())).as(mine + " / " + theirs)
                                                                   .containsExactlyInAnyOrder(200, 409);
                Http.Response winner = mine.status() == 200 ? mine : theirs;
                latestHeadlines.put(id, mine.status() == 200 ? headline : rivalHeadline);
                version = winner.body().path("version").asLong();
            }
        }
    }

    private static Http.Response revise(String instance, String id, long basedOn, String headline) {
        return Http.put(instance + "/api/stories/" + id, Map.of("headline", headline),
                        Http.with(stack.asGateway("editor"), "If-Match", "\"" + basedOn + "\""));
    }

    /**
     * A writer in this JVM reserves its global position, then waits before inserting, while the clients' events
     * with later positions are stored and projected. Its event must still reach the read models.
     */
    private static CompletableFuture<String> fileWithADelayedCommit() throws InterruptedException {
        MongoDatabase database = stack.database();
        MongoGlobalIndexAllocator counter = new MongoGlobalIndexAllocator(database.getCollection("counters"));
        CountDownLatch reserved = new CountDownLatch(1);
        GlobalIndexMongoEventStorageEngine slowWriter = GlobalIndexMongoEventStorageEngine.builder()
                .database(database)
                .eventSerializer(StorylineJson.serializer())
                .snapshotSerializer(StorylineJson.serializer())
                .allocator(count -> {
                    long first = counter.allocate(count);
                    reserved.countDown();
                    sleep(SLOW_COMMIT);
                    return first;
                })
                .build();
        String id = UUID.randomUUID().toString();
        StoryFiledEvent filed = new StoryFiledEvent(id, "Закъсняла история", "Лийд на закъснялата история.",
                                                    "Текст.", Dateline.of("Женева"), "bg", "world", Editor.of("slow-writer"),
                                                    Instant.now());
        CompletableFuture<String> commit = CompletableFuture.supplyAsync(() -> {
            slowWriter.appendEvents(new GenericDomainEventMessage<>("Story", id, 0, filed));
            return id;
        });
        assertThat(reserved.await(10, TimeUnit.SECONDS)).as("the slow writer reserved its position").isTrue();
        return commit;
    }

    /** The late event reached the feed after events with later global positions: the reader waited for it. */
    private static void assertDeliveredAfterLaterEvents(MongoDatabase database, List<String> fed, String lateStoryId) {
        Map<String, Long> globalIndexes = new HashMap<>();
        database.getCollection("events").find().forEach(event -> globalIndexes.put(
                event.getString("_id"), event.get("globalIndex", Number.class).longValue()));
        Document late = database.getCollection("events").find(new Document("aggregateIdentifier", lateStoryId)).first();
        long lateIndex = late.get("globalIndex", Number.class).longValue();
        int lateFeedPosition = fed.indexOf(late.getString("_id"));

        assertThat(fed.subList(0, lateFeedPosition))
                .as("the late event has global index %d and feed position %d", lateIndex, lateFeedPosition + 1)
                .anyMatch(eventId -> globalIndexes.get(eventId) > lateIndex);
    }

    private static Map<String, Object> story(String headline) {
        return Map.of("headline", headline,
                      "lead", "Лийд: " + headline + ".",
                      "body", "Текст на " + headline + ".",
                      "dateline", Map.of("place", "Пхенян"),
                      "language", "bg");
    }

    /** Each story's number of events in the store (threads share the store, and have no story document). */
    private static Map<String, Long> lastVersions(MongoDatabase database) {
        Map<String, Long> versions = new HashMap<>();
        database.getCollection("events").find(new Document("type", "Story")).forEach(event -> versions.merge(
                event.getString("aggregateIdentifier"),
                event.get("sequenceNumber", Number.class).longValue() + 1, Math::max));
        return versions;
    }

    /** The stories as brief-service serves them (read models may have been rebuilt into a new generation). */
    private static Map<String, Long> projectedVersions(Set<String> ids) {
        Map<String, Long> versions = new HashMap<>();
        ids.forEach(id -> {
            JsonNode story = served(id);
            if (story.has("version")) {
                versions.put(id, story.path("version").asLong());
            }
        });
        return versions;
    }

    private static JsonNode served(String id) {
        return Http.get(stack.briefServiceUrl() + "/api/stories/" + id, stack.asGateway("reader")).body();
    }

    private static double redeliveries() {
        Http.Response metrics = Http.get(stack.briefServiceUrl() + "/actuator/prometheus");
        Matcher counter = Pattern.compile("storyline_projection_redeliveries_total\\{[^}]*} (\\S+)")
                                 .matcher(metrics.text());
        assertThat(counter.find()).as("the redelivery counter is published").isTrue();
        return Double.parseDouble(counter.group(1));
    }

    private static List<Long> range(long first, long last) {
        List<Long> numbers = new ArrayList<>();
        for (long n = first; n <= last; n++) {
            numbers.add(n);
        }
        return numbers;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
