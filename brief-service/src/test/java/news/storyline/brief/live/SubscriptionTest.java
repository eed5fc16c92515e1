package news.storyline.brief.live;

import news.storyline.brief.feed.FeedEntry;
import news.storyline.brief.feed.FeedFilter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static news.storyline.brief.live.InMemoryFeed.event;
import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionTest {

    private static final Duration NO_WAIT = Duration.ZERO;

    @Test
    void handsOverOnlyTheEventsItsFilterWants() throws InterruptedException {
        Subscription ukraine = new Subscription(FeedFilter.thread("ukraine"), 10);
        ukraine.goLive();

        assertThat(ukraine.offer(event(1, "gaza"))).isTrue();
        assertThat(ukraine.offer(event(2, "gaza", "ukraine"))).isTrue();
        assertThat(ukraine.offer(event(3))).isTrue();

        assertThat(ukraine.next(NO_WAIT).event().position()).isEqualTo(2);
        assertThat(ukraine.next(NO_WAIT).idle()).isTrue();
    }

    @Test
    void filtersByType() throws InterruptedException {
        Subscription renames = new Subscription(new FeedFilter(Set.of("news.storyline.thread.renamed.v1"), null), 10);
        renames.goLive();

        renames.offer(event(1));
        renames.offer(new FeedEntry(2, "news.storyline.thread.renamed.v1", List.of("gaza"), "{}", "gaza", 1));

        assertThat(renames.next(NO_WAIT).event().position()).isEqualTo(2);
        assertThat(renames.next(NO_WAIT).idle()).isTrue();
    }

    @Test
    void aLiveConsumerWhoseBufferOverflowsIsCutOff() throws InterruptedException {
        Subscription slow = new Subscription(FeedFilter.ALL, 2);
        slow.goLive();

        assertThat(slow.offer(event(1))).isTrue();
        assertThat(slow.offer(event(2))).isTrue();
        assertThat(slow.offer(event(3))).isFalse();

        assertThat(slow.cutOffReason()).isEqualTo(Subscription.BUFFER_FULL);
        assertThat(slow.next(NO_WAIT).cutOffReason()).as("the cut-off wins over what was buffered")
                                                     .isEqualTo(Subscription.BUFFER_FULL);
        assertThat(slow.offer(event(4))).as("nothing more is taken").isFalse();
    }

    @Test
    void anOverflowWhileCatchingUpEmptiesTheBufferAndRefusesTheSwitchOnce() throws InterruptedException {
        Subscription catchingUp = new Subscription(FeedFilter.ALL, 2);

        catchingUp.offer(event(1));
        catchingUp.offer(event(2));
        assertThat(catchingUp.offer(event(3))).isTrue();

        assertThat(catchingUp.cutOffReason()).isNull();
        assertThat(catchingUp.goLive()).as("what was dropped must be read from the feed").isFalse();
        assertThat(catchingUp.goLive()).isTrue();
        assertThat(catchingUp.next(NO_WAIT).event().position()).isEqualTo(3);
        assertThat(catchingUp.next(NO_WAIT).idle()).isTrue();
    }

    @Test
    void waitsForTheNextEventAtMostAsLongAsAsked() throws InterruptedException {
        Subscription idle = new Subscription(FeedFilter.ALL, 2);
        idle.goLive();

        long started = System.nanoTime();
        assertThat(idle.next(Duration.ofMillis(50)).idle()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(40),
                                                                            Duration.ofSeconds(5));
    }

    @Test
    void theFirstReasonToCutOffStands() {
        Subscription subscription = new Subscription(FeedFilter.ALL, 2);

        assertThat(subscription.cutOff(Subscription.SHUTDOWN)).isTrue();
        assertThat(subscription.cutOff(Subscription.BUFFER_FULL)).isFalse();
        assertThat(subscription.cutOffReason()).isEqualTo(Subscription.SHUTDOWN);
    }
}
