package news.storyline.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import news.storyline.examples.subscriber.FeedClient;
import news.storyline.examples.subscriber.FeedSubscriber;
import news.storyline.examples.subscriber.PositionFile;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example subscriber in {@code examples/feed-subscriber}, run against the stack through the gateway with a
 * subscriber's token: stopped part-way while editors write, started again from its position file, it ends having
 * handled every event in the store exactly once, in order.
 */
class ExampleSubscriberThroughGatewayIT {

    private static final Duration CONVERGENCE = Duration.ofSeconds(60);

    private static StorylineStack stack;

    /** What ended a subscriber's run with an error: the test fails on it at once instead of waiting out a timeout. */
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    @BeforeAll
    static void startStack() {
        stack = StorylineStack.shared();
    }

    @Test
    void afterARestartItGoesOnExactlyWhereItStopped(@TempDir Path directory) throws Exception {
        PositionFile positionFile = new PositionFile(directory.resolve("storyline.position"));
        List<JsonNode> handled = Collections.synchronizedList(new ArrayList<>());
        fileStories(3);

        Thread first = start(positionFile, handled);
        awaitWhileRunning().until(() -> handled.size() >= 3);
        stop(first);
        long stoppedAt = positionFile.read();
        assertThat(stoppedAt).isEqualTo(handled.get(handled.size() - 1).path("position").asLong());

        fileStories(3);
        Thread second = start(positionFile, handled);
        try {
            awaitWhileRunning().until(() -> handled.size() >= stack.eventCount());
        } finally {
            stop(second);
        }

        List<Long> positions = handled.stream().map(event -> event.path("position").asLong()).toList();
        assertThat(positions).containsExactlyElementsOf(
                LongStream.rangeClosed(1, positions.size()).boxed().toList());
        List<String> ids = handled.stream().map(event -> event.path("id").asText()).toList();
        assertThat(new HashSet<>(ids)).hasSize(ids.size()).isEqualTo(stack.eventIds());
    }

    private Thread start(PositionFile positionFile, List<JsonNode> handled) {
        FeedSubscriber subscriber = new FeedSubscriber(
                new FeedClient(URI.create(stack.gatewayUrl()), stack.token("subscriber"), 5), positionFile,
                handled::add, Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(1));
        Thread thread = new Thread(() -> {
            try {
                subscriber.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, "example-subscriber");
        thread.start();
        return thread;
    }

    /** An await that gives up at once when the subscriber has failed, with that failure as the cause. */
    private ConditionFactory awaitWhileRunning() {
        return await().atMost(CONVERGENCE).failFast("the example subscriber failed", () -> {
            Throwable failed = failure.get();
            if (failed != null) {
                throw new AssertionError("the example subscriber failed: " + failed, failed);
            }
        });
    }

    private void stop(Thread subscriber) throws InterruptedException {
        subscriber.interrupt();
        subscriber.join(10_000);
        assertThat(subscriber.isAlive()).as("the subscriber stops when interrupted").isFalse();
        assertThat(failure.get()).as("what the subscriber's run threw").isNull();
    }

    private static void fileStories(int count) {
        Map<String, String> editor = stack.as("editor");
        for (int n = 0; n < count; n++) {
            Http.Response filed = Http.post(stack.gatewayUrl() + "/api/stories", Map.of(
                    "headline", "Абонатът чете новина " + n + " " + UUID.randomUUID(),
                    "lead", "Примерният абонат следи потока от събития.",
                    "body", "Текст.",
                    "dateline", Map.of("place", "Варна"), "language", "bg"), editor);
            assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        }
    }
}
