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
        Optional<T> answer = read.get();
        if (minVersion == null) {
            return answer;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (answer.map(found -> version.applyAsLong(found) < minVersion).orElse(true)) {
            if (System.nanoTime() > deadline) {
                throw new NotCaughtUpException(minVersion, maxWait);
            }
            pause();
            answer = read.get();
        }
        return answer;
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotCaughtUpException(0, maxWait);
        }
    }

    /** The read model has not reached the version asked for within the bound. */
    static class NotCaughtUpException extends RuntimeException {

        NotCaughtUpException(long minVersion, Duration waited) {
            super("The read model has not reached version " + minVersion + " within " + waited.toMillis()
                          + " ms; retry shortly");
        }
    }
}
