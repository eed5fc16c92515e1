package news.storyline.bench;

import java.util.Arrays;

/** Latencies recorded by many threads at once; bounded, so a runaway loop cannot eat the heap. */
final class Samples {

    private final long[] nanos;
    private int size;

    Samples(int capacity) {
        this.nanos = new long[capacity];
    }

    /** Keeps the latency; beyond the capacity (sized for the run) latencies are not kept. */
    synchronized void add(long latencyNanos) {
        if (size < nanos.length) {
            nanos[size++] = latencyNanos;
        }
    }

    synchronized Latencies summary() {
        return Latencies.ofNanos(Arrays.copyOf(nanos, size));
    }
}
