package news.storyline.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Following Storyline from outside, through the gateway: a subscriber of the event stream that keeps hanging up at
 * random points while editors write, and a dashboard watching a thread live.
 */
class SubscribingThroughGatewayIT {

    private static final int WRITERS = 3;
    private static final int STORIES_PER_WRITER = 6;
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Duration QUIET = Duration.ofSeconds(3);

    private static StorylineStack stack;

    @BeforeAll
    static void startStack() {
        stack = StorylineStack.shared();
    }

    @Test
    void aSubscriberThatKeepsHangingUpEndsWithExactlyTheStoresEventsInOrder() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        CompletableFuture<Void> writing = writeConcurrently();

        List<Long> positions = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        Instant deadline = Instant.now().plus(DEADLINE);
        int connections = 0;
        while (Instant.now().isBefore(deadline) && !(writing.isDone() && positions.size() >= stack.eventCount())) {
            Map<String, String> headers = positions.isEmpty() ? stack.as("subscriber")
                    : Http.with(stack.as("subscriber"), "Last-Event-ID",
                                Long.toString(positions.get(positions.size() - 1)));
            connections++;
            try (SseClient stream = SseClient.open(stack.gatewayUrl() + "/api/events/stream", headers)) {
                assertThat(stream.status()).isEqualTo(200);
                int hangUpAfter = 1 + random.nextInt(25);
                for (int i = 0; i < hangUpAfter; i++) {
                    Optional<SseClient.Event> event = stream.next(QUIET);
                    if (event.isEmpty()) {
                        break;
                    }
                    JsonNode cloudEvent = Http.parse(event.get().data());
                    assertThat(cloudEvent.path("position").asLong()).isEqualTo(Long.parseLong(event.get().id()));
                    positions.add(Long.parseLong(event.get().id()));
                    eventIds.add(cloudEvent.path("id").asText());
                }
            }
        }
        writing.get();

        String context = "seed " + seed + ", " + connections + " connections";
        assertThat(positions).as(context).containsExactlyElementsOf(
                LongStream.rangeClosed(1, positions.size()).boxed().toList());
        assertThat(eventIds).as(context).doesNotHaveDuplicates();
        assertThat(new HashSet<>(eventIds)).as(context).isEqualTo(stack.eventIds());
    }

    @Test
    void aDashboardSeesAStoryFiledThroughTheGatewayArriveOnItsThread() {
        String slug = "live-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(write("POST", "/api/threads", Map.of("slug", slug, "title", "Изборите на живо")).status())
                .isEqualTo(201);
        String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(write("POST", "/api/threads", Map.of("slug", other, "title", "Друга тема")).status())
                .isEqualTo(201);

        // The dashboard opens the thread it was just told about: once the read side knows it.
        Http.Response known = Http.get(stack.gatewayUrl() + "/api/threads/" + slug + "?minVersion=1",
                                       stack.as("reader"));
        assertThat(known.status()).as(known.toString()).isEqualTo(200);

        try (SseClient live = SseClient.open(stack.gatewayUrl() + "/api/threads/" + slug + "/live",
                                             stack.as("reader"))) {
            assertThat(live.status()).isEqualTo(200);
            String elsewhere = file("Новина от друга тема");
            assertThat(write("POST", "/api/stories/" + elsewhere + "/links", Map.of("thread", other)).status())
                    .isEqualTo(200);
            String id = file("Първи резултати от изборите");
            assertThat(write("POST", "/api/stories/" + id + "/links", Map.of("thread", slug)).status())
                    .isEqualTo(200);

            List<SseClient.Event> seen = new ArrayList<>();
            Instant until = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(until) && seen.stream().noneMatch(event -> event.data().contains(id))) {
                live.next(Duration.ofSeconds(1)).ifPresent(seen::add);
            }
            assertThat(seen).as("events on %s", slug).anyMatch(event -> event.data().contains(id));
            assertThat(seen).as("events on %s", slug).noneMatch(event -> event.data().contains(elsewhere));
            assertThat(seen).allMatch(event -> event.id() != null);
        }
    }

    private static CompletableFuture<Void> writeConcurrently() {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            int me = writer;
            // Each writer is an editor of their own: the gateway's write limits are per token subject.
            Map<String, String> editor = stack.as("writer-" + me + "-" + UUID.randomUUID(), "Редактор " + me, "editor");
            work.add(CompletableFuture.runAsync(() -> {
                for (int n = 0; n < STORIES_PER_WRITER; n++) {
                    file("Абонат " + me + ", новина " + n, editor);
                }
            }, writers));
        }
        return CompletableFuture.allOf(work.toArray(CompletableFuture[]::new))
                                .whenComplete((done, failed) -> writers.shutdown());
    }

    private static String file(String headline) {
        return file(headline, stack.as("editor"));
    }

    private static String file(String headline, Map<String, String> editor) {
        Http.Response filed = Http.post(stack.gatewayUrl() + "/api/stories", Map.of(
                "headline", headline,
                "lead", "Новината е подадена, докато абонатите следят потока.",
                "body", "Текст.",
                "dateline", Map.of("place", "София"), "language", "bg"), editor);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.body().path("id").asText();
    }

    private static Http.Response write(String method, String path, Object body) {
        return Http.send(method, stack.gatewayUrl() + path, body, stack.as("editor"));
    }
}
