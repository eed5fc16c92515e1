package news.storyline.bench;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies, in milliseconds. Nearest rank: the p-th percentile is a latency that was
 * actually measured (the smallest one at or above p% of the samples), never an interpolation between two.
 * With no samples every figure is null, so that a table and the JSON say "none" rather than a made-up zero.
 */
public record Latencies(int count, Double p50Ms, Double p99Ms, Double maxMs) {

    static final Latencies NONE = new Latencies(0, null, null, null);

    public static Latencies ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return NONE;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 99)),
                             millis(sorted[sorted.length - 1]));
    }

    /** The nearest-rank percentile of values sorted ascending; {@code percent} in (0, 100]. */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0 || percent <= 0 || percent > 100) {
            throw new IllegalArgumentException(percent + "th percentile of " + sorted.length + " values");
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[rank - 1];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
