package news.storyline.brief.live;

import news.storyline.brief.feed.FeedFilter;
import news.storyline.brief.feed.FeedPages;
import news.storyline.brief.feed.FeedVouch;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens live streams: a subscription on the {@link FeedTailer} and a writer thread of the connection's own, at
 * most {@code storyline.live.max-connections} at a time. A thread per connection is bounded by that limit, and it
 * is what lets a client that stops reading block nobody but its own writer.
 */
@Component
public class LiveStreams implements DisposableBean {

    /** Streams end when the server or the client ends them, not after a fixed time (0: no async timeout). */
    private static final long NO_TIMEOUT = 0L;

    /** The client left, or the container gave up on the connection. */
    private static final String DISCONNECTED = "disconnected";

    private final FeedTailer tailer;
    private final FeedPages feed;
    private final FeedVouch vouch;
    private final LiveSettings settings;
    private final LiveMetrics metrics;
    private final Semaphore connections;
    private final ExecutorService writers;

    LiveStreams(FeedTailer tailer, FeedPages feed, FeedVouch vouch, LiveSettings settings, LiveMetrics metrics) {
        this.tailer = tailer;
        this.feed = feed;
        this.vouch = vouch;
        this.settings = settings;
        this.metrics = metrics;
        this.connections = new Semaphore(settings.maxConnections());
        AtomicInteger count = new AtomicInteger();
        this.writers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "live-stream-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A stream of the events after {@code after} that {@code filter} lets through, each as {@code rendering}
     * makes it; empty when this instance serves as many streams as it may, or is not tailing the feed (starting
     * or stopping). Refused with a 503 when it starts at or after the last position the feed vouches for
     * ({@link FeedVouch}).
     */
    public Optional<SseEmitter> open(long after, FeedFilter filter, EventRendering rendering) {
        vouch.requireServable(after);
        if (!tailer.isRunning() || !connections.tryAcquire()) {
            return Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(NO_TIMEOUT);
        Subscription subscription = new Subscription(filter, settings.buffer());
        AtomicBoolean ended = new AtomicBoolean();
        Runnable end = () -> {
            if (ended.compareAndSet(false, true)) {
                tailer.unsubscribe(subscription);
                emitter.complete();
                metrics.closed();
                connections.release();
            }
        };
        emitter.onCompletion(() -> subscription.cutOff(DISCONNECTED));
        emitter.onError(error -> subscription.cutOff(DISCONNECTED));
        emitter.onTimeout(() -> subscription.cutOff(DISCONNECTED));
        metrics.opened();
        // Before the writer reads the feed: that order is what makes the switch to live lose nothing.
        tailer.subscribe(subscription);
        StreamWriter writer = new StreamWriter(subscription, after, feed, settings, rendering, new SseSink(emitter),
                                               end);
        try {
            writers.execute(writer);
        } catch (RejectedExecutionException shuttingDown) {
            end.run();
            return Optional.empty();
        }
        return Optional.of(emitter);
    }

    @Override
    public void destroy() {
        writers.shutdownNow();
    }
}
