package news.storyline.brief.live;

import news.storyline.brief.feed.FeedEntry;
import news.storyline.brief.feed.FeedFilter;
import news.storyline.brief.feed.FeedPage;
import news.storyline.brief.feed.FeedPages;
import news.storyline.brief.feed.FeedVouch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one reader of new feed documents in this instance: it polls for what follows the last position it
 * published and hands each event to every {@link Subscription}, without ever waiting for one. The embedded MongoDB
 * has no change streams or tailable cursors to be told of new documents, so polling it is: an idle poll looks up the
 * feed's head (one document), and only a head that moved is followed by a read of the {@code _id} range up to it.
 * <p>
 * It reads through {@link news.storyline.brief.feed.FeedReader}, which never reads past the head as it stood when
 * the read began, below which the feed has no holes; so it publishes positions strictly one after another, and
 * every position up to the last one published is in the feed: a stream that subscribes first and then reads the
 * feed finds there whatever was published before it subscribed.
 * <p>
 * It stops before the web server's graceful shutdown, which would otherwise wait for every open stream (the
 * default phase of a {@link SmartLifecycle} is the last to start and the first to stop), cutting each stream off
 * with a position to resume from.
 */
@Component
public class FeedTailer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedTailer.class);

    private final FeedPages feed;
    private final LiveSettings settings;
    private final LiveMetrics metrics;
    private final FeedVouch vouch;
    private long vouchEpoch;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService poller;
    private volatile boolean running;
    private long published;

    FeedTailer(FeedPages feed, LiveSettings settings, LiveMetrics metrics) {
        this(feed, FeedVouch.unlimited(), settings, metrics);
    }

    @Autowired
    FeedTailer(FeedPages feed, FeedVouch vouch, LiveSettings settings, LiveMetrics metrics) {
        this.feed = feed;
        this.vouch = vouch;
        this.settings = settings;
        this.metrics = metrics;
    }

    public void subscribe(Subscription subscription) {
        subscriptions.add(subscription);
    }

    public void unsubscribe(Subscription subscription) {
        subscriptions.remove(subscription);
    }

    @Override
    public synchronized void start() {
        published = feed.head();
        vouchEpoch = vouch.state().epoch();
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "feed-tailer");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.poll().toMillis();
        poller.scheduleWithFixedDelay(this::pollOnce, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        poller.shutdownNow();
        subscriptions.forEach(subscription -> cutOff(subscription, Subscription.SHUTDOWN));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A failed read is tried again at the next poll; letting it escape would end the schedule for good. */
    private void pollOnce() {
        try {
            followTheVouch();
            FeedPage read;
            do {
                read = feed.page(published, settings.page(), FeedFilter.ALL);
                read.entries().forEach(this::publish);
            } while (read.entries().size() == settings.page() && running);
        } catch (RuntimeException e) {
            log.warn("Reading the feed after position {} failed; trying again", published, e);
        }
    }

    /**
     * When a check has limited the feed, or a repair rewritten it after some position, what was published after
     * that position can no longer be vouched for: if the tailer had gone past it, every stream is cut off, told to
     * resume after that position at the latest, and the tailer goes back to it. A field read per poll while nothing changes.
     */
    private void followTheVouch() {
        FeedVouch.State state = vouch.state();
        if (state.epoch() == vouchEpoch) {
            return;
        }
        vouchEpoch = state.epoch();
        if (published > state.rewindTo()) {
            subscriptions.forEach(subscription -> {
                subscriptions.remove(subscription);
                if (subscription.cutOff(Subscription.FEED_CHECKED, state.rewindTo())) {
                    metrics.cutOff(Subscription.FEED_CHECKED);
                }
            });
        }
        published = Math.min(published, state.rewindTo());
    }

    private void publish(FeedEntry event) {
        for (Subscription subscription : subscriptions) {
            if (!subscription.offer(event)) {
                subscriptions.remove(subscription);
                // Only this thread offers, so a buffer-full cut-off is seen here exactly once.
                if (Subscription.BUFFER_FULL.equals(subscription.cutOffReason())) {
                    metrics.cutOff(Subscription.BUFFER_FULL);
                }
            }
        }
        published = event.position();
    }

    private void cutOff(Subscription subscription, String reason) {
        subscriptions.remove(subscription);
        if (subscription.cutOff(reason)) {
            metrics.cutOff(reason);
        }
    }
}
