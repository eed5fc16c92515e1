package news.storyline.examples.subscriber;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FeedSubscriberTest {

    /** Small pages, so that a few events span several. */
    private static final int PAGE_SIZE = 4;
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration BACKOFF = Duration.ofMillis(50);

    @TempDir
    Path directory;

    private FakeFeed feed;
    private PositionFile positionFile;
    private final List<Long> handled = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        feed = new FakeFeed();
        positionFile = new PositionFile(directory.resolve("subscriber.position"));
    }

    @AfterEach
    void stop() {
        feed.close();
    }

    @Test
    void handlesEveryEventInOrderPageByPageAndSavesItsPosition() throws Exception {
        feed.append(25);

        Running subscriber = Running.start(subscriber(this::record));
        await().atMost(PATIENCE).until(() -> handled.size() == 25);
        subscriber.stop();

        assertThat(handled).containsExactlyElementsOf(positions(1, 25));
        assertThat(positionFile.read()).isEqualTo(25);
    }

    @Test
    void afterACrashBetweenPagesResumesExactlyAfterTheLastHandledEvent() throws Exception {
        feed.append(10);
        Running crashing = Running.start(subscriber(event -> {
            if (position(event) == 5) {
                throw new IllegalStateException("the process dies before it handles the second page");
            }
            record(event);
        }));
        crashing.awaitEnd();
        assertThat(crashing.failure.get()).hasMessageContaining("the process dies");
        assertThat(positionFile.read()).isEqualTo(4);

        Running restarted = Running.start(subscriber(this::record));
        await().atMost(PATIENCE).until(() -> handled.size() >= 10);
        restarted.stop();

        assertThat(handled).containsExactlyElementsOf(positions(1, 10));
    }

    @Test
    void aCrashAfterHandlingAnEventButBeforeSavingItsPositionHandsThatOneEventAgain() throws Exception {
        feed.append(6);
        Running crashing = Running.start(subscriber(event -> {
            record(event);
            if (position(event) == 3) {
                throw new IllegalStateException("the process dies before it saves position 3");
            }
        }));
        crashing.awaitEnd();

        Running restarted = Running.start(subscriber(this::record));
        await().atMost(PATIENCE).until(() -> handled.size() >= 7);
        restarted.stop();

        assertThat(handled).containsExactly(1L, 2L, 3L, 3L, 4L, 5L, 6L);
    }

    @Test
    void waitsLongerAfterEachFailureOfTheFeedAndGoesOnWhenItAnswers() throws Exception {
        feed.append(3);
        feed.failNext(503, 502, 500);

        Running subscriber = Running.start(subscriber(this::record));
        await().atMost(PATIENCE).until(() -> handled.size() == 3);
        subscriber.stop();

        assertThat(handled).containsExactly(1L, 2L, 3L);
        List<FakeFeed.Request> requests = feed.requests();
        assertThat(requests.subList(0, 4)).extracting(FakeFeed.Request::status).containsExactly(503, 502, 500, 200);
        assertThat(millisBetween(requests.get(0), requests.get(1))).isGreaterThanOrEqualTo(BACKOFF.toMillis());
        assertThat(millisBetween(requests.get(1), requests.get(2))).isGreaterThanOrEqualTo(2 * BACKOFF.toMillis());
        assertThat(millisBetween(requests.get(2), requests.get(3))).isGreaterThanOrEqualTo(4 * BACKOFF.toMillis());
    }

    @Test
    void aTokenTheFeedDoesNotAcceptStopsItAtOnceWithoutRetrying() throws Exception {
        feed.append(3);
        Running subscriber = Running.start(new FeedSubscriber(
                new FeedClient(feed.url(), "expired-token", PAGE_SIZE), positionFile, this::record, POLL, BACKOFF,
                Duration.ofSeconds(1)));
        subscriber.awaitEnd();

        assertThat(subscriber.failure.get()).isInstanceOf(FeedRefusedException.class)
                                            .hasMessageContaining("401")
                                            .hasMessageContaining("token");
        assertThat(((FeedRefusedException) subscriber.failure.get()).status()).isEqualTo(401);
        assertThat(feed.requests()).extracting(FakeFeed.Request::status).containsExactly(401);
        assertThat(handled).isEmpty();
        assertThat(positionFile.read()).isZero();
    }

    @Test
    void aTokenWhoseRolesMayNotReadTheFeedStopsItAtOnceWithoutRetrying() throws Exception {
        feed.append(3);
        feed.failNext(403);
        Running subscriber = Running.start(subscriber(this::record));
        subscriber.awaitEnd();

        assertThat(subscriber.failure.get()).isInstanceOf(FeedRefusedException.class)
                                            .hasMessageContaining("403")
                                            .hasMessageContaining("subscriber role");
        assertThat(((FeedRefusedException) subscriber.failure.get()).status()).isEqualTo(403);
        assertThat(feed.requests()).extracting(FakeFeed.Request::status).containsExactly(403);
        assertThat(handled).isEmpty();
        assertThat(positionFile.read()).isZero();
    }

    @Test
    void pollsWhenCaughtUpAndStopsCleanlyWhenInterrupted() throws Exception {
        feed.append(2);
        Running subscriber = Running.start(subscriber(this::record));
        await().atMost(PATIENCE).until(() -> handled.size() == 2);

        feed.append(1);
        await().atMost(PATIENCE).until(() -> handled.size() == 3);
        subscriber.stop();

        assertThat(handled).containsExactly(1L, 2L, 3L);
        assertThat(positionFile.read()).isEqualTo(3);
    }

    private FeedSubscriber subscriber(EventHandler handler) {
        return new FeedSubscriber(new FeedClient(feed.url(), FakeFeed.TOKEN, PAGE_SIZE),
                                  positionFile, handler, POLL, BACKOFF, Duration.ofSeconds(1));
    }

    private void record(JsonNode event) {
        handled.add(position(event));
    }

    private static long position(JsonNode event) {
        return event.get("position").asLong();
    }

    private static List<Long> positions(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    private static long millisBetween(FakeFeed.Request earlier, FakeFeed.Request later) {
        return Duration.ofNanos(later.at() - earlier.at()).toMillis();
    }

    /** A subscriber on its own thread, as in a service; its failure, if it ends with one. */
    private record Running(Thread thread, AtomicReference<Exception> failure) {

        static Running start(FeedSubscriber subscriber) {
            AtomicReference<Exception> failure = new AtomicReference<>();
            Thread thread = new Thread(() -> {
                try {
                    subscriber.run();
                } catch (Exception failed) {
                    failure.set(failed);
                }
            }, "subscriber");
            thread.start();
            return new Running(thread, failure);
        }

        void awaitEnd() throws InterruptedException {
            thread.join(PATIENCE.toMillis());
            assertThat(thread.isAlive()).as("the subscriber ended").isFalse();
        }

        /** Interrupts it, as a shutdown would, and expects it to end without a failure. */
        void stop() throws InterruptedException {
            thread.interrupt();
            awaitEnd();
            assertThat(failure.get()).as("how the subscriber ended").isNull();
        }
    }
}
