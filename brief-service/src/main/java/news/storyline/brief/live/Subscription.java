package news.storyline.brief.live;

import news.storyline.brief.feed.FeedEntry;
import news.storyline.brief.feed.FeedFilter;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection's place on the {@link FeedTailer}: the events it wants, in a bounded buffer between the tailer
 * (which must never wait for a connection) and the connection's own writer.
 * <p>
 * While the writer still catches up from the feed, a full buffer is simply emptied and marked
 * {@linkplain #goLive() overrun}: everything dropped is in the feed already, so the writer reads on from there
 * instead. Once live, a full buffer means the consumer reads slower than events arrive, and it is
 * {@linkplain #cutOff(String) cut off}.
 */
public final class Subscription {

    /** A live consumer whose buffer overflowed. */
    public static final String BUFFER_FULL = "buffer-full";
    /** The instance is shutting down. */
    public static final String SHUTDOWN = "shutdown";
    /**
     * A check found the feed unsound after some position, or a repair rewrote it after that position: the client
     * resumes from there (or from where it was, if that is earlier).
     */
    public static final String FEED_CHECKED = "feed-checked";

    private final FeedFilter filter;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<FeedEntry> buffer;
    private boolean live;
    private boolean overrun;
    private String cutOffReason;
    private volatile long resumeAtMost = Long.MAX_VALUE;

    public Subscription(FeedFilter filter, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A buffer needs room for at least one event, not " + capacity);
        }
        this.filter = filter;
        this.capacity = capacity;
        this.buffer = new ArrayDeque<>(Math.min(capacity, 64));
    }

    public FeedFilter filter() {
        return filter;
    }

    /**
     * Hands the tailer's next event over, if the connection wants it; never waits.
     *
     * @return {@code false} when the subscription has ended (this call cut it off, or something else did before),
     *         so that the tailer drops it
     */
    boolean offer(FeedEntry event) {
        if (!filter.matches(event)) {
            return true;
        }
        lock.lock();
        try {
            if (cutOffReason != null) {
                return false;
            }
            if (buffer.size() >= capacity) {
                if (live) {
                    cutOffReason = BUFFER_FULL;
                    buffer.clear();
                    changed.signalAll();
                    return false;
                }
                buffer.clear();
                overrun = true;
            }
            buffer.addLast(event);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the catch-up. Refused when the buffer overflowed since the last call: the writer must read on from the
     * feed, since what it dropped is not in the buffer any more.
     */
    public boolean goLive() {
        lock.lock();
        try {
            if (overrun) {
                overrun = false;
                return false;
            }
            live = true;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the subscription for {@code reason}; the first reason stands. */
    public boolean cutOff(String reason) {
        lock.lock();
        try {
            if (cutOffReason != null) {
                return false;
            }
            cutOffReason = reason;
            buffer.clear();
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the subscription for {@code reason}, telling the client to resume after {@code resumeAtMost} at the
     * latest (the feed may differ from what it was sent after that); the first reason stands.
     */
    public boolean cutOff(String reason, long resumeAtMost) {
        this.resumeAtMost = resumeAtMost;
        return cutOff(reason);
    }

    /** The latest position a client cut off may resume after; {@link Long#MAX_VALUE} when it may resume anywhere. */
    public long resumeAtMost() {
        return resumeAtMost;
    }

    /** Why the subscription was cut off, or {@code null} while it runs. */
    public String cutOffReason() {
        lock.lock();
        try {
            return cutOffReason;
        } finally {
            lock.unlock();
        }
    }

    /** The next event, waiting at most {@code idle}; a cut-off wins over whatever was still buffered. */
    public Next next(Duration idle) throws InterruptedException {
        long nanos = idle.toNanos();
        lock.lock();
        try {
            while (cutOffReason == null && buffer.isEmpty() && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            if (cutOffReason != null) {
                return new Next(null, cutOffReason);
            }
            return new Next(buffer.pollFirst(), null);
        } finally {
            lock.unlock();
        }
    }

    /** What {@link #next(Duration)} found: an event, a cut-off, or neither when the wait ran out. */
    public record Next(FeedEntry event, String cutOffReason) {

        public boolean idle() {
            return event == null && cutOffReason == null;
        }
    }
}
