package news.storyline.brief.live;

import news.storyline.brief.feed.FeedFilter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StreamWriterTest {

    private final InMemoryFeed feed = new InMemoryFeed();
    private final RecordingSink sink = new RecordingSink();
    private final CountDownLatch ended = new CountDownLatch(1);

    @Test
    void switchesFromTheFeedToTheBufferWithoutAGapOrARepeat() throws InterruptedException {
        feed.addAll(1, 6);
        Subscription subscription = new Subscription(FeedFilter.ALL, 100);
        // Published while the writer was about to catch up: in the feed and in the buffer both.
        for (long position = 4; position <= 6; position++) {
            subscription.offer(InMemoryFeed.event(position));
        }
        Thread writer = start(subscription, 0);

        await().atMost(Duration.ofSeconds(5)).until(() -> sink.sent.size() == 6);
        subscription.offer(feed.add(7));
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.sent.size() == 7);
        subscription.cutOff(Subscription.SHUTDOWN);

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.sent).containsExactly("1", "2", "3", "4", "5", "6", "7", "cut-off shutdown 7");
        writer.join();
    }

    @Test
    void startsAfterThePositionItIsGivenAndSendsOnlyWhatItsFilterWants() throws InterruptedException {
        feed.add(1, "ukraine");
        feed.add(2, "gaza");
        feed.add(3, "ukraine");
        feed.add(4, "gaza");
        Subscription subscription = new Subscription(FeedFilter.thread("gaza"), 100);
        start(subscription, 2);

        await().atMost(Duration.ofSeconds(5)).until(() -> sink.sent.size() == 1);
        subscription.cutOff(Subscription.SHUTDOWN);

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.sent).containsExactly("4", "cut-off shutdown 4");
    }

    @Test
    void sendsHeartbeatsWhileNothingHappens() throws InterruptedException {
        Subscription subscription = new Subscription(FeedFilter.ALL, 100);
        start(subscription, 0);

        await().atMost(Duration.ofSeconds(5)).until(() -> sink.heartbeats.get() >= 3);
        subscription.cutOff(Subscription.SHUTDOWN);

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.sent).containsExactly("cut-off shutdown 0");
    }

    private Thread start(Subscription subscription, long after) {
        LiveSettings settings = new LiveSettings(Duration.ofMillis(10), Duration.ofMillis(50), 100, 10,
                                                 Duration.ofSeconds(5), 2, Duration.ofSeconds(2));
        Thread writer = new Thread(new StreamWriter(subscription, after, feed, settings,
                                                    event -> new OutgoingEvent(event.position(), event.ceType(),
                                                                               event.cloudEvent()),
                                                    sink, ended::countDown));
        writer.start();
        return writer;
    }

    /** What a client would have read: one line per event, and how many heartbeats came between. */
    private static final class RecordingSink implements EventSink {

        final List<String> sent = new CopyOnWriteArrayList<>();
        final AtomicInteger heartbeats = new AtomicInteger();

        @Override
        public void send(OutgoingEvent event) {
            sent.add(Long.toString(event.id()));
        }

        @Override
        public void sendCutOff(String reason, long resumeAfter) {
            sent.add("cut-off " + reason + " " + resumeAfter);
        }

        @Override
        public void heartbeat() {
            heartbeats.incrementAndGet();
        }
    }
}
