package news.storyline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run as one table for people: each figure, then what it is to be read against (the next layer down, the
 * same figure at the smallest size, or the target), then the ratio of the two where one makes sense.
 */
final class Table {

    private record Row(String figure, String measured, String reference, String ratio) {
    }

    /** The targets, the reference where a figure has no measured one to be set against. */
    static final double JVM_RSS_TARGET_MIB = 400;
    static final double STORE_RSS_TARGET_MIB = 1024;
    static final double FRESHNESS_TARGET_MS = 100;
    static final double IDLE_CPU_TARGET = 0.05;
    static final double REBUILD_TARGET = 20_000;

    private static final int FAILURE_CHARS = 70;

    private Table() {
    }

    static String render(Report report) {
        List<Row> rows = new ArrayList<>();
        writes(report, rows);
        freshness(report.freshness(), rows);
        sizes(report.sizes(), rows);
        resources(report, rows);

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Storyline bench (%s), %s, %d cores, load average %s at the start, "
                                         + "%.0f s%n", report.plan(), report.startedAt(), report.cores(),
                                 number(report.loadAverage()), report.runSeconds()));
        int figure = rows.stream().mapToInt(row -> row.figure().length()).max().orElse(10);
        int measured = Math.max(8, rows.stream().mapToInt(row -> row.measured().length()).max().orElse(8));
        int reference = Math.max(9, rows.stream().mapToInt(row -> row.reference().length()).max().orElse(9));
        String format = "%-" + figure + "s  %" + measured + "s  %-" + reference + "s  %s%n";
        out.append(String.format(Locale.ROOT, format, "figure", "measured", "reference", "ratio"));
        out.append("-".repeat(figure + measured + reference + 12)).append('\n');
        rows.forEach(row -> out.append(String.format(Locale.ROOT, format, row.figure(), row.measured(),
                                                     row.reference(), row.ratio())));
        out.append(String.format(Locale.ROOT,
                                 "headline: gatewayRatio %s, gatewayReadRatio %s, writeToRawRatio %s, "
                                         + "freshnessP99Ms %s, "
                                         + "timelineP99Growth %s, rebuildEventsPerSecond %s, maxRssMiB %s, "
                                         + "idleCpuAt1M %s%n",
                                 number(report.gatewayRatio()), number(report.gatewayReadRatio()),
                                 number(report.writeToRawRatio()),
                                 number(report.freshnessP99Ms()), number(report.timelineP99Growth()),
                                 number(report.rebuildEventsPerSecond()), number(report.maxRssMiB()),
                                 number(report.idleCpuAt1M())));
        return out.toString();
    }

    private static void writes(Report report, List<Row> rows) {
        WriteThroughput.Cell cold = report.coldGateway();
        if (cold != null) {
            rows.add(new Row("writes/s, " + cold.clients() + " clients: gateway right after start-up",
                             number(cold.perSecond()), "warm " + number(Report.perSecond(
                                     report.writes(), Report.GATEWAY, cold.clients())),
                             number(Report.ratio(cold.perSecond(), Report.perSecond(report.writes(), Report.GATEWAY,
                                                                                    cold.clients())))));
        }
        List<Integer> levels = report.writes().stream().map(WriteThroughput.Cell::clients).distinct().toList();
        for (int clients : levels) {
            String at = "writes/s, " + clients + (clients == 1 ? " client: " : " clients: ");
            Double gateway = Report.perSecond(report.writes(), Report.GATEWAY, clients);
            Double direct = Report.perSecond(report.writes(), Report.DIRECT, clients);
            Double raw = Report.perSecond(report.writes(), Report.RAW, clients);
            Double peer = Report.perSecond(report.writes(), Report.PEER, clients);
            rows.add(new Row(at + Report.GATEWAY, number(gateway), "direct " + number(direct),
                             number(Report.ratio(gateway, direct))));
            rows.add(new Row(at + Report.DIRECT, number(direct), "raw " + number(raw),
                             number(Report.ratio(direct, raw))));
            rows.add(new Row(at + Report.RAW, number(raw), "", ""));
            rows.add(peer == null
                             ? new Row(at + Report.PEER, "-", "not measured: " + report.peer(), "")
                             : new Row(at + Report.PEER, number(peer), "story-service " + number(direct),
                                       number(Report.ratio(peer, direct))));
        }
        report.writes().stream().filter(cell -> cell.failures() > 0).forEach(cell -> rows.add(new Row(
                "  failed writes, " + cell.target() + " at " + cell.clients(), String.valueOf(cell.failures()),
                "first: " + shortened(cell.firstFailure()), "")));
    }

    private static void freshness(Freshness.Result freshness, List<Row> rows) {
        if (freshness == null) {
            return;
        }
        String at = String.format(Locale.ROOT, " (%.0f writes/s)", 2 * freshness.achievedPerSecond());
        rows.add(new Row("freshness ms p50/p99/max, link 2xx -> timeline" + at, triple(freshness.timeline()),
                         "target p99 " + number(FRESHNESS_TARGET_MS), number(Report.ratio(
                                 freshness.timeline().p99Ms(), FRESHNESS_TARGET_MS))));
        rows.add(new Row("freshness ms p50/p99/max, link 2xx -> live SSE" + at, triple(freshness.live()),
                         "target p99 " + number(FRESHNESS_TARGET_MS), number(Report.ratio(
                                 freshness.live().p99Ms(), FRESHNESS_TARGET_MS))));
        if (freshness.neverOnTimeline() > 0 || freshness.neverLive() > 0) {
            rows.add(new Row("  not seen in time (timeline/live) of " + freshness.stepsWritten(),
                             freshness.neverOnTimeline() + "/" + freshness.neverLive(), "", ""));
        }
    }

    private static void sizes(List<SizeResult> sizes, List<Row> rows) {
        if (sizes.isEmpty()) {
            return;
        }
        SizeResult smallest = sizes.get(0);
        for (SizeResult size : sizes) {
            String at = "at " + String.format(Locale.ROOT, "%,d", size.events()) + " events: ";
            rows.add(new Row(at + "seeded, brief-service caught up in s",
                             String.format(Locale.ROOT, "%,d, %s", size.seeded(), size.caughtUp()
                                     ? number(size.catchUpSeconds()) : "NOT within " + number(size.catchUpSeconds())),
                             size.catchUpSeconds() > 0 ? number(Math.round(size.seeded() / size.catchUpSeconds())
                                     * 1.0) + " events/s" : "", ""));
            size.reads().forEach((kind, latencies) -> {
                if (kind.endsWith(Reads.DIRECT)) {
                    String read = kind.substring(0, kind.length() - Reads.DIRECT.length());
                    rows.add(new Row(at + read + " ms p50/p99, straight at brief-service", pair(latencies),
                                     "p50 via gateway " + number(size.reads().get(read).p50Ms()),
                                     number(Report.gatewayReadRatio(size, read))));
                } else {
                    rows.add(new Row(at + kind + " ms p50/p99", pair(latencies),
                                     size == smallest ? "" : "p99 at smallest "
                                             + number(smallest.reads().get(kind).p99Ms()),
                                     size == smallest ? "" : number(Report.ratio(latencies.p99Ms(),
                                                                                 smallest.reads().get(kind).p99Ms()))));
                }
            });
            size.idleCpuShare().forEach((process, share) -> rows.add(new Row(
                    at + "idle CPU, " + process + " (share of a core)", number(share),
                    "target " + number(IDLE_CPU_TARGET), number(Report.ratio(share, IDLE_CPU_TARGET)))));
            rows.add(new Row(at + "store on disk MiB", number(size.storeDiskMiB()), "KiB per event",
                             number(size.storeDiskMiB() * 1024 / Math.max(1, size.events()))));
            Rebuilds.Result rebuild = size.rebuild();
            if (rebuild != null) {
                rows.add(new Row(at + "rebuild events/s (" + rebuild.status() + ", " + rebuild.replayed() + " in "
                                         + number(rebuild.seconds()) + " s)", number(rebuild.eventsPerSecond()),
                                 "target " + number(REBUILD_TARGET),
                                 number(Report.ratio(rebuild.eventsPerSecond(), REBUILD_TARGET))));
            }
        }
    }

    private static void resources(Report report, List<Row> rows) {
        for (Map.Entry<String, Report.ProcessUse> process : report.processes().entrySet()) {
            double target = process.getKey().equals("mongo") ? STORE_RSS_TARGET_MIB : JVM_RSS_TARGET_MIB;
            Report.ProcessUse use = process.getValue();
            rows.add(new Row("peak RSS MiB, " + process.getKey(), number(use.peakRssMiB()),
                             "target " + number(target), number(Report.ratio(use.peakRssMiB(), target))));
            rows.add(new Row("CPU s over the run, " + process.getKey(), number(use.cpuSeconds()),
                             "run " + number(report.runSeconds()) + " s", ""));
        }
        rows.add(new Row("stack start-up s (bin/stack up, fresh data)", number(report.startupSeconds()), "", ""));
    }

    /** A failure's first words: enough to recognise it; the JSON has it whole. */
    private static String shortened(String failure) {
        return failure == null || failure.length() <= FAILURE_CHARS
                ? failure
                : failure.substring(0, FAILURE_CHARS) + "...";
    }

    private static String triple(Latencies latencies) {
        return number(latencies.p50Ms()) + "/" + number(latencies.p99Ms()) + "/" + number(latencies.maxMs());
    }

    private static String pair(Latencies latencies) {
        return number(latencies.p50Ms()) + "/" + number(latencies.p99Ms());
    }

    /** Up to three significant decimals, no trailing zeros; "-" for a figure that was not measured. */
    static String number(Double value) {
        if (value == null) {
            return "-";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value).replaceAll("\\.?0+$", "");
    }
}
