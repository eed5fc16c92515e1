package news.storyline.systemtest;

import java.time.Duration;

/**
 * The two sizes of the reliability set (docs/reliability.md): short in every {@code mvn verify}, long with
 * {@code -Preliability} (which sets {@code storyline.reliability.long}).
 */
final class Reliability {

    static final boolean LONG = Boolean.getBoolean("storyline.reliability.long");

    private Reliability() {
    }

    static int pick(int short_, int long_) {
        return LONG ? long_ : short_;
    }

    static Duration pick(Duration short_, Duration long_) {
        return LONG ? long_ : short_;
    }

    /** A tag of letters and digits that marks one run's texts, slugs and subjects. */
    static String tag() {
        return Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
