package news.storyline.bench;

import java.util.Map;

/**
 * What the bench measured with the store at one size.
 *
 * @param events            events in the store when the reads were measured
 * @param seeded            of which the bench appended straight into the store for this size
 * @param seedSeconds       how long appending them took
 * @param catchUpSeconds    from the last append until brief-service served the last seeded story
 * @param caughtUp          false when it did not within the plan's limit (the reads then ran anyway)
 * @param idleCpuShare      each process's CPU over the idle window, as a share of one core (0.05 = 5%)
 * @param storeDiskMiB      the store's files (data and journal) after the idle window
 * @param reads             latency of each kind of read
 * @param rebuild           a full rebuild of the read models at this size
 */
record SizeResult(long events, long seeded, double seedSeconds, double catchUpSeconds, boolean caughtUp,
                  Map<String, Double> idleCpuShare, double storeDiskMiB, Map<String, Latencies> reads, Rebuilds.Result rebuild) {
}
