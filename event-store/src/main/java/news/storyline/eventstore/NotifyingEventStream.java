package news.storyline.eventstore;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A stream that calls its reader back once it has events ({@link #setOnAvailableCallback}), on top of one that
 * cannot.
 *
 * <p>When the reader finds nothing, a watcher waits on the stream for the next event (the event store wakes it as
 * soon as its poll of the storage finds one) and then calls the reader back; the reader reads the events itself.
 * The underlying stream serves one thread at a time, so the watcher and the reader take turns under a fair lock:
 * the watcher waits at most {@link #WATCH_TURN} per turn, and a reader that arrives meanwhile goes next.
 */
final class NotifyingEventStream implements TrackingEventStream {

    /** The longest a watcher keeps the stream before it lets a waiting reader have it. */
    static final Duration WATCH_TURN = Duration.ofMillis(200);

    private static final Logger log = LoggerFactory.getLogger(NotifyingEventStream.class);

    private final TrackingEventStream stream;
    private final Executor watchers;
    private final ReentrantLock turn = new ReentrantLock(true);
    private final AtomicBoolean watching = new AtomicBoolean();
    private volatile Runnable onAvailable;
    private volatile boolean closed;

    NotifyingEventStream(TrackingEventStream stream, Executor watchers) {
        this.stream = stream;
        this.watchers = watchers;
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        this.onAvailable = callback;
        return true;
    }

    /** Also what {@link #hasNextAvailable()} asks, with no timeout. */
    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        boolean available = inTurnInterruptibly(() -> stream.hasNextAvailable(timeout, unit));
        if (!available) {
            watchForTheNextEvent();
        }
        return available;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return inTurn(stream::peek);
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        return inTurnInterruptibly(stream::nextAvailable);
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        inTurn(() -> {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
            return null;
        });
    }

    /** Stops the watcher too; waits for its turn, at most {@link #WATCH_TURN}. */
    @Override
    public void close() {
        closed = true;
        inTurn(() -> {
            stream.close();
            return null;
        });
    }

    private void watchForTheNextEvent() {
        if (onAvailable != null && !closed && watching.compareAndSet(false, true)) {
            watchers.execute(this::watch);
        }
    }

    private void watch() {
        boolean available = false;
        try {
            while (!closed && !available) {
                available = inTurnInterruptibly(
                        () -> !closed && stream.hasNextAvailable((int) WATCH_TURN.toMillis(), TimeUnit.MILLISECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The reader meets the failure itself when it reads; it is called back to do so.
            log.debug("Watching an event stream failed; calling its reader back", e);
            available = true;
        } finally {
            watching.set(false);
        }
        if (available && !closed) {
            onAvailable.run();
        }
    }

    private <T> T inTurnInterruptibly(Interruptible<T> action) throws InterruptedException {
        turn.lockInterruptibly();
        try {
            return action.get();
        } finally {
            turn.unlock();
        }
    }

    private interface Interruptible<T> {
        T get() throws InterruptedException;
    }

    private <T> T inTurn(Supplier<T> action) {
        turn.lock();
        try {
            return action.get();
        } finally {
            turn.unlock();
        }
    }
}
