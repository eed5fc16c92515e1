package news.storyline.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop writers: each of N clients writes, waits for the answer, writes again, for a fixed window after a
 * warm-up. Throughput is what was acknowledged inside the window; a failed write counts as a failure, not a write.
 */
final class WriteThroughput {

    /** One write by client {@code client}; {@code n} is unique across the run. True when it was acknowledged. */
    @FunctionalInterface
    interface Write {
        boolean once(int client, long n) throws Exception;
    }

    /** One cell of the comparison: a target at a concurrency. */
    record Cell(String target, int clients, long writes, long failures, double perSecond, Latencies latency,
                String firstFailure) {
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** More than a 32-client window of a few thousand writes a second can make. */
    private static final int MAX_SAMPLES = 2_000_000;

    private WriteThroughput() {
    }

    static Cell run(String target, Write write, int clients, Duration warmUp, Duration window) {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + window.toNanos();
        AtomicLong writes = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Samples latencies = new Samples(MAX_SAMPLES);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int id = client;
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        boolean acknowledged;
                        try {
                            acknowledged = write.once(id, SEQUENCE.incrementAndGet());
                            if (!acknowledged) {
                                firstFailure.compareAndSet(null, "refused");
                            }
                        } catch (Exception e) {
                            acknowledged = false;
                            firstFailure.compareAndSet(null, String.valueOf(e));
                        }
                        long answered = System.nanoTime();
                        // Only writes sent and answered inside the window count, so each cell measures steady state.
                        if (sent >= measureFrom && answered <= end) {
                            if (acknowledged) {
                                writes.incrementAndGet();
                                latencies.add(answered - sent);
                            } else {
                                failures.incrementAndGet();
                            }
                        }
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get(end - System.nanoTime() + Http.REQUEST_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException(target + " with " + clients + " clients did not finish", e);
        } finally {
            pool.shutdownNow();
        }
        double seconds = window.toNanos() / 1e9;
        return new Cell(target, clients, writes.get(), failures.get(), Math.round(writes.get() / seconds * 10) / 10.0,
                        latencies.summary(), firstFailure.get());
    }
}
