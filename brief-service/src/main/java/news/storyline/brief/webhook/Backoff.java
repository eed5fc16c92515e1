package news.storyline.brief.webhook;

import java.time.Duration;

/** Exponential backoff: {@code initial} after the first failure, doubling after each further one, at most {@code max}. */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("A backoff needs 0 < initial <= max, not " + initial + " and " + max);
        }
    }

    /** How long to wait after {@code failures} failed attempts in a row (1 or more). */
    Duration after(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("Backoff follows a failure; " + failures + " failures");
        }
        Duration delay = initial;
        for (int n = 1; n < failures && delay.compareTo(max) < 0; n++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }
}
