package news.storyline.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How much of everything a run does: the quick run is the full one scaled down to fit three minutes on a 2-core
 * machine with the stack's start-up; every loop of the bench is bounded by these counts and times.
 *
 * @param coldWarmUp         writes through the gateway right after start-up, reported apart, before the cells
 * @param writeClients       the concurrency levels of the write comparison
 * @param writeWindow        how long each write cell (target × concurrency) runs after its warm-up
 * @param writeWarmUp        untimed writes before each cell, so a cold JIT is not what is measured
 * @param freshnessRate      file+link steps per second in the freshness run (two writes each)
 * @param freshnessSteps     how many steps it makes
 * @param sizes              event-store sizes (events) at which reads, idle CPU and a rebuild are measured
 * @param readsPerKind       timed reads of each kind at each size
 * @param readLimit          the longest the reads of one kind may take at one size
 * @param idleWindow         how long processes are watched with no load to measure idle CPU
 * @param catchUpLimit       the longest the bench waits for brief-service to project what was seeded
 * @param rebuildAtEachSize  whether to rebuild at every size or only at the largest (a rebuild cut short by its
 *                           limit would go on under the next size's measurements)
 * @param rebuildLimit       the longest it waits for a rebuild; one cut short is reported with its rate so far
 */
record Plan(String name, Duration coldWarmUp, List<Integer> writeClients, Duration writeWindow, Duration writeWarmUp,
            int freshnessRate, int freshnessSteps, List<Long> sizes, int readsPerKind, Duration readLimit,
            Duration idleWindow, Duration catchUpLimit, boolean rebuildAtEachSize, Duration rebuildLimit) {

    static Plan quick() {
        return new Plan("quick", Duration.ofSeconds(3), List.of(1, 8, 32), Duration.ofSeconds(2),
                        Duration.ofSeconds(1), 20, 60, List.of(2_000L, 4_000L), 20, Duration.ofSeconds(2),
                        Duration.ofSeconds(2), Duration.ofSeconds(20), false, Duration.ofSeconds(8));
    }

    static Plan full() {
        return new Plan("full", Duration.ofSeconds(30), List.of(1, 8, 32), Duration.ofSeconds(20),
                        Duration.ofSeconds(5), 100, 6_000, List.of(10_000L, 100_000L, 1_000_000L), 300,
                        Duration.ofSeconds(120), Duration.ofSeconds(5), Duration.ofMinutes(60), true,
                        Duration.ofMinutes(60));
    }

    /**
     * This plan measured at sizes up to {@code largest} events only, ending with {@code largest} itself: a full run
     * that fits a shorter time (the plan's name says where it stopped).
     */
    Plan upTo(long largest) {
        if (largest <= 0) {
            throw new IllegalArgumentException("--largest must be a positive number of events, not " + largest);
        }
        List<Long> kept = new ArrayList<>(sizes.stream().filter(size -> size < largest).toList());
        kept.add(largest);
        return new Plan(name + " up to " + largest + " events", coldWarmUp, writeClients, writeWindow, writeWarmUp,
                        freshnessRate, freshnessSteps, List.copyOf(kept), readsPerKind, readLimit, idleWindow,
                        catchUpLimit, rebuildAtEachSize, rebuildLimit);
    }

    /** The targets the write comparison runs against, the peer's cells included. */
    private static final int WRITE_TARGETS = 4;
    /** Events per second StoreSeeder appends on this 2-core machine (measured: ~1,800-2,000). */
    private static final long SEED_RATE = 2_000;

    /**
     * What the run should take when the stack keeps up, without the catch-up and rebuild waits whose length is
     * what is being measured (each is bounded by {@link #catchUpLimit} or {@link #rebuildLimit}).
     */
    Duration estimate() {
        Duration writes = writeWindow.plus(writeWarmUp).multipliedBy((long) WRITE_TARGETS * writeClients.size());
        Duration freshness = Duration.ofSeconds(freshnessSteps / freshnessRate + 5);
        Duration perSize = idleWindow.plus(readLimit.multipliedBy(4));
        Duration seeding = Duration.ofSeconds(sizes.get(sizes.size() - 1) / SEED_RATE);
        return coldWarmUp.plus(writes).plus(freshness).plus(perSize.multipliedBy(sizes.size())).plus(seeding);
    }
}
