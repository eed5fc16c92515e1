package news.storyline.examples.subscriber;

import java.time.Duration;

/** Waits after failures in a row: {@code initial}, doubling, at most {@code max}; back to {@code initial} on success. */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** Sleeps for the current wait and doubles the next one. */
    void pause() throws InterruptedException {
        Thread.sleep(next.toMillis());
        next = next.multipliedBy(2).compareTo(max) < 0 ? next.multipliedBy(2) : max;
    }

    void reset() {
        next = initial;
    }
}
