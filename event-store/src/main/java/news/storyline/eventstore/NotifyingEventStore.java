package news.storyline.eventstore;

import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Axon's embedded event store, whose streams tell their reader when events arrive ({@link NotifyingEventStream}).
 *
 * <p>Axon's pooled streaming processors ask a stream to call them back when it has events. The embedded store's
 * streams cannot, and such a stream is looked at again only every 500 ms once the processor has caught up: every
 * event waited a quarter of a second on average before a read model or the feed handled it, however fast it was
 * stored and found.
 */
public final class NotifyingEventStore extends EmbeddedEventStore {

    private final ExecutorService watchers;

    public NotifyingEventStore(EmbeddedEventStore.Builder builder) {
        super(builder);
        AtomicInteger number = new AtomicInteger();
        this.watchers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "event-stream-watcher-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new NotifyingEventStream(super.openStream(trackingToken), watchers);
    }

    @Override
    public void shutDown() {
        super.shutDown();
        watchers.shutdown();
    }
}
