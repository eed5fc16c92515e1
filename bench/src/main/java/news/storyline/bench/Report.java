package news.storyline.bench;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run's figures: the headline ratios first (what the targets are stated in), then every detail they
 * come from. Serialized as the run's JSON; {@link Table} renders it for people.
 *
 * @param loadAverage            the machine's 1-minute load average as the measurements began (the stack's
 *                               start-up just before adds to it); well above the cores, something else was
 *                               competing for them and every figure is lower than the stack's own
 * @param gatewayRatio           writes/s through the gateway over writes/s directly at story-service, 8 clients
 * @param gatewayReadRatio       a timeline page's p50 read straight at brief-service over its p50 through the
 *                               gateway, at the largest size: reads one after another, so the share of direct
 *                               throughput the gateway keeps
 * @param writeToRawRatio        writes/s through the gateway over raw driver inserts, 8 clients
 * @param freshnessP99Ms         the worse p99 of write → timeline and write → live stream
 * @param timelineP99Growth      the timeline page's p99 at the largest size over its p99 at the smallest
 * @param rebuildEventsPerSecond a full rebuild's replay rate at the largest size
 * @param maxRssMiB              the largest peak RSS of any of the stack's processes
 * @param idleCpuAt1M            the store's idle CPU at the largest size, as a share of one core (the name is the
 *                               issue's; the size is {@code sizes[-1].events})
 * @param coldGateway            writes through the gateway in the first seconds after start-up, before any other
 *                               load (a user's first minute), at the headline concurrency
 * @param peer                   why the PostgreSQL peer was not measured; null when its cells are in writes
 */
record Report(String startedAt, String plan, double runSeconds, double startupSeconds, int cores, Double loadAverage,
              Double gatewayRatio, Double gatewayReadRatio, Double writeToRawRatio, Double freshnessP99Ms,
              Double timelineP99Growth, Double rebuildEventsPerSecond, Double maxRssMiB, Double idleCpuAt1M,
              WriteThroughput.Cell coldGateway, List<WriteThroughput.Cell> writes, String peer,
              Freshness.Result freshness, List<SizeResult> sizes, Map<String, ProcessUse> processes) {

    /** Names of the write targets, as the cells carry them. */
    static final String GATEWAY = "gateway";
    static final String DIRECT = "story-service";
    static final String RAW = "raw inserts";
    static final String PEER = "peer (JDBC, PostgreSQL)";
    /** The concurrency the headline ratios are taken at. */
    static final int HEADLINE_CLIENTS = 8;

    /** @param cpuSeconds user plus system CPU over the whole run, start-up included */
    record ProcessUse(double peakRssMiB, double cpuSeconds) {
    }

    static Report of(String startedAt, String plan, double runSeconds, double startupSeconds, Double loadAverage,
                     WriteThroughput.Cell coldGateway, List<WriteThroughput.Cell> writes, String peer,
                     Freshness.Result freshness, List<SizeResult> sizes, Map<String, ProcessUse> processes) {
        Double gateway = perSecond(writes, GATEWAY, HEADLINE_CLIENTS);
        Double direct = perSecond(writes, DIRECT, HEADLINE_CLIENTS);
        Double raw = perSecond(writes, RAW, HEADLINE_CLIENTS);
        Double freshnessP99 = freshness == null ? null : max(freshness.timeline().p99Ms(), freshness.live().p99Ms());
        SizeResult smallest = sizes.isEmpty() ? null : sizes.get(0);
        SizeResult largest = sizes.isEmpty() ? null : sizes.get(sizes.size() - 1);
        Double growth = smallest == null ? null
                : ratio(p99(largest, "timeline"), p99(smallest, "timeline"));
        Double rebuild = largest == null || largest.rebuild() == null ? null : largest.rebuild().eventsPerSecond();
        Double idle = largest == null ? null : largest.idleCpuShare().get("mongo");
        Double maxRss = processes.values().stream().map(ProcessUse::peakRssMiB).max(Double::compare).orElse(null);
        return new Report(startedAt, plan, runSeconds, startupSeconds, Runtime.getRuntime().availableProcessors(),
                          loadAverage, ratio(gateway, direct), gatewayReadRatio(largest, "timeline"),
                          ratio(gateway, raw), freshnessP99, growth, rebuild, maxRss, idle, coldGateway, writes, peer, freshness, sizes, processes);
    }

    static Double perSecond(List<WriteThroughput.Cell> writes, String target, int clients) {
        return writes.stream()
                     .filter(cell -> cell.target().equals(target) && cell.clients() == clients)
                     .map(WriteThroughput.Cell::perSecond)
                     .findFirst()
                     .orElse(null);
    }

    static Double ratio(Double of, Double to) {
        if (of == null || to == null || to == 0) {
            return null;
        }
        return Math.round(of / to * 1000) / 1000.0;
    }

    /** The direct read's p50 over the same read's p50 through the gateway, at {@code size}. */
    static Double gatewayReadRatio(SizeResult size, String read) {
        if (size == null) {
            return null;
        }
        Latencies viaGateway = size.reads().get(read);
        Latencies direct = size.reads().get(read + Reads.DIRECT);
        return viaGateway == null || direct == null ? null : ratio(direct.p50Ms(), viaGateway.p50Ms());
    }

    private static Double p99(SizeResult size, String read) {
        Latencies latencies = size.reads().get(read);
        return latencies == null ? null : latencies.p99Ms();
    }

    private static Double max(Double a, Double b) {
        return a == null || b == null ? null : Math.max(a, b);
    }

    Report {
        Objects.requireNonNull(writes);
        Objects.requireNonNull(sizes);
        Objects.requireNonNull(processes);
    }
}
