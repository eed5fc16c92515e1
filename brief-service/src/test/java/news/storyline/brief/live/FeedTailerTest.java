package news.storyline.brief.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.storyline.brief.feed.FeedFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FeedTailerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final InMemoryFeed feed = new InMemoryFeed();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FeedTailer tailer = new FeedTailer(feed, settings(), new LiveMetrics(meters));

    static LiveSettings settings() {
        return new LiveSettings(Duration.ofMillis(10), Duration.ofSeconds(15), 1000, 10, Duration.ofSeconds(5), 3,
                                Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        if (tailer.isRunning()) {
            tailer.stop();
        }
    }

    @Test
    void publishesWhatFollowsTheFeedAsItWasAtStart() throws InterruptedException {
        feed.addAll(1, 3);
        tailer.start();
        Subscription subscription = live(100);

        feed.addAll(4, 10);

        for (long position = 4; position <= 10; position++) {
            assertThat(subscription.next(WAIT).event().position()).isEqualTo(position);
        }
    }

    @Test
    void cutsOffAConsumerThatFallsBehindWhileAnotherKeepsReceiving() throws InterruptedException {
        tailer.start();
        Subscription stalled = live(2);
        Subscription reading = live(100);

        feed.addAll(1, 3);
        for (long position = 1; position <= 3; position++) {
            assertThat(reading.next(WAIT).event().position()).isEqualTo(position);
        }
        // The tailer may still be offering the third event to the stalled one after the other has taken it.
        await().atMost(WAIT).until(() -> stalled.cutOffReason() != null);
        assertThat(stalled.next(WAIT).cutOffReason()).isEqualTo(Subscription.BUFFER_FULL);

        feed.add(4);
        assertThat(reading.next(WAIT).event().position()).isEqualTo(4);
        assertThat(meters.counter("storyline.live.cutoffs", "reason", Subscription.BUFFER_FULL).count())
                .isEqualTo(1);
    }

    @Test
    void cutsEveryStreamOffWhenItStops() throws InterruptedException {
        tailer.start();
        Subscription subscription = live(100);

        tailer.stop();

        assertThat(subscription.next(WAIT).cutOffReason()).isEqualTo(Subscription.SHUTDOWN);
        assertThat(meters.counter("storyline.live.cutoffs", "reason", Subscription.SHUTDOWN).count()).isEqualTo(1);
    }

    private Subscription live(int capacity) {
        Subscription subscription = new Subscription(FeedFilter.ALL, capacity);
        subscription.goLive();
        tailer.subscribe(subscription);
        return subscription;
    }
}
