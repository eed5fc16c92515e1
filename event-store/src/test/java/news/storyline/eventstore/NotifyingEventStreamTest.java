package news.storyline.eventstore;

import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static news.storyline.eventstore.EventStoreFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

class NotifyingEventStreamTest {

    private final ExecutorService watchers = Executors.newCachedThreadPool();
    private final QueueStream underlying = new QueueStream();
    private final NotifyingEventStream stream = new NotifyingEventStream(underlying, watchers);
    private final Semaphore callbacks = new Semaphore(0);

    @AfterEach
    void stopWatchers() {
        watchers.shutdownNow();
    }

    @Test
    void callsTheReaderBackWhenAnEventArrivesAfterItFoundNone() throws Exception {
        assertThat(stream.setOnAvailableCallback(callbacks::release)).isTrue();
        assertThat(stream.hasNextAvailable()).isFalse();

        underlying.add(1);

        assertThat(callbacks.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(1));
    }

    @Test
    void watchesAgainEachTimeTheReaderHasReadEverything() throws Exception {
        stream.setOnAvailableCallback(callbacks::release);
        for (long position = 1; position <= 3; position++) {
            assertThat(stream.hasNextAvailable()).isFalse();
            underlying.add(position);
            assertThat(callbacks.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(position));
        }
        assertThat(callbacks.availablePermits()).isZero();
    }

    @Test
    void letsAReaderInWhileTheWatcherWaits() throws Exception {
        stream.setOnAvailableCallback(callbacks::release);
        assertThat(stream.hasNextAvailable()).isFalse();
        underlying.awaitWatcher();

        // The watcher holds the stream at most one turn; then the reader goes, and finds nothing still.
        assertThat(stream.peek()).isEmpty();
        assertThat(callbacks.availablePermits()).isZero();
    }

    @Test
    void doesNotWatchForAReaderThatAskedNotToBeCalledBack() throws Exception {
        assertThat(stream.hasNextAvailable()).isFalse();
        underlying.add(1);

        assertThat(underlying.timedWaits.get()).isZero();
        assertThat(stream.hasNextAvailable()).isTrue();
    }

    @Test
    void stopsWatchingOnceClosed() throws Exception {
        stream.setOnAvailableCallback(callbacks::release);
        assertThat(stream.hasNextAvailable()).isFalse();
        underlying.awaitWatcher();

        stream.close();
        underlying.add(1);

        assertThat(underlying.closed).isTrue();
        assertThat(callbacks.tryAcquire(2 * NotifyingEventStream.WATCH_TURN.toMillis(), TimeUnit.MILLISECONDS))
                .isFalse();
    }

    /** A stream of events added by the test; a timed wait returns as soon as one is added, as the store's does. */
    private static final class QueueStream implements TrackingEventStream {

        private final Deque<TrackedEventMessage<?>> events = new ArrayDeque<>();
        private final AtomicInteger timedWaits = new AtomicInteger();
        private final Semaphore watcherWaiting = new Semaphore(0);
        private volatile boolean closed;

        synchronized void add(long position) {
            events.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                                                        event("story-" + position, 0, "filed")));
            notifyAll();
        }

        void awaitWatcher() throws InterruptedException {
            assertThat(watcherWaiting.tryAcquire(10, TimeUnit.SECONDS)).as("a watcher waits on the stream").isTrue();
        }

        @Override
        public synchronized Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(events.peek());
        }

        @Override
        public synchronized boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (timeout > 0) {
                timedWaits.incrementAndGet();
                watcherWaiting.release();
                if (events.isEmpty()) {
                    wait(unit.toMillis(timeout));
                }
            }
            return !events.isEmpty();
        }

        @Override
        public synchronized TrackedEventMessage<?> nextAvailable() {
            return events.remove();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
