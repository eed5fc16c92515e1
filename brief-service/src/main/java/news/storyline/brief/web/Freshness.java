package news.storyline.brief.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Lets a client read its own write: a read with {@code minVersion} waits, briefly and boundedly, until the read
 * model shows at least that version, and says so plainly when it does not ({@link NotCaughtUpException}, a 503)
 * rather than answer with older data.
 */
@Component
class Freshness {

    private final Duration maxWait;
    private final Duration pollInterval;

    Freshness(@Value("${storyline.reads.min-version-wait:3s}") Duration maxWait,
              @Value("${storyline.reads.min-version-poll:25ms}") Duration pollInterval) {
        this.maxWait = maxWait;
        this.pollInterval = pollInterval;
    }

    /**
     * Reads until the answer is at {@code minVersion} or later. Without a {@code minVersion}, or when there is no
     * such thing (yet) and there is nothing to wait for, it reads once.
     */
    <T> Optional<T> atLeast(Long minVersion, Supplier<Optional<T>> read, ToLongFunction<T> version) {
        if (minVersion == null) {
            return read.get();
        }
        Optional<T> answer = within(maxWait,
                                    () -> read.get().filter(found -> version.applyAsLong(found) >= minVersion));
        if (answer.isEmpty()) {
            throw new NotCaughtUpException(minVersion, maxWait);
        }
        return answer;
    }

    /**
     * Reads until {@code read} finds something, pausing between reads, for at most {@code max}; empty when it found
     * nothing in time, or when the thread was interrupted (which it leaves interrupted).
     */
    <T> Optional<T> within(Duration max, Supplier<Optional<T>> read) {
        long deadline = System.nanoTime() + max.toNanos();
        Optional<T> found = read.get();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            found = read.get();
        }
        return found;
    }

    /** The read model has not reached the version asked for within the bound. */
    static class NotCaughtUpException extends RuntimeException {

        NotCaughtUpException(long minVersion, Duration waited) {
            super("The read model has not reached version " + minVersion + " within " + waited.toMillis()
                          + " ms; retry shortly");
        }
    }
}
