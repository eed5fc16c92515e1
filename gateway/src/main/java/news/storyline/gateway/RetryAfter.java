package news.storyline.gateway;

import java.time.Duration;

/** {@code Retry-After} counts whole seconds; rounding down would invite a client back too early. */
final class RetryAfter {

    private RetryAfter() {
    }

    static long seconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
