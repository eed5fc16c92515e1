package news.storyline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    private static final Latencies SOME = new Latencies(10, 5.0, 9.0, 12.0);

    private static WriteThroughput.Cell cell(String target, int clients, double perSecond) {
        return new WriteThroughput.Cell(target, clients, (long) perSecond * 2, 0, perSecond, SOME, null);
    }

    private static SizeResult size(long events, double timelineP99, double idleMongo, Rebuilds.Result rebuild) {
        return new SizeResult(events, events, 1, 2, true, Map.of("mongo", idleMongo, "gateway", 0.0), 12.0,
                              Map.of("timeline", new Latencies(10, 10.0, timelineP99, timelineP99),
                                     "timeline" + Reads.DIRECT, new Latencies(10, 9.0, timelineP99, timelineP99)),
                              rebuild);
    }

    private static Report report() {
        List<WriteThroughput.Cell> writes = List.of(
                cell(Report.GATEWAY, 1, 30), cell(Report.DIRECT, 1, 60), cell(Report.RAW, 1, 2_000),
                cell(Report.GATEWAY, 8, 80), cell(Report.DIRECT, 8, 100), cell(Report.RAW, 8, 4_000));
        Freshness.Result freshness = new Freshness.Result(100, 100, 20, new Latencies(100, 50.0, 90.0, 95.0),
                                                          new Latencies(100, 60.0, 120.0, 130.0), 0, 0);
        List<SizeResult> sizes = List.of(size(2_000, 40, 0.5, null),
                                         size(10_000, 100, 0.7, new Rebuilds.Result("DONE", 10_000, 4, 2_500)));
        Map<String, Report.ProcessUse> processes = Map.of("mongo", new Report.ProcessUse(900, 80),
                                                          "gateway", new Report.ProcessUse(350, 30));
        return Report.of("2026-12-07T01:00:00Z", "quick", 150, 25, 1.5, cell(Report.GATEWAY, 8, 8), writes,
                         "not built", freshness, sizes, processes);
    }

    @Test
    void headlineFiguresAreTheIssuesRatios() {
        Report report = report();

        assertThat(report.gatewayRatio()).isEqualTo(0.8);
        assertThat(report.gatewayReadRatio()).isEqualTo(0.9);
        assertThat(report.writeToRawRatio()).isEqualTo(0.02);
        assertThat(report.freshnessP99Ms()).isEqualTo(120.0);
        assertThat(report.timelineP99Growth()).isEqualTo(2.5);
        assertThat(report.rebuildEventsPerSecond()).isEqualTo(2_500.0);
        assertThat(report.maxRssMiB()).isEqualTo(900.0);
        assertThat(report.idleCpuAt1M()).isEqualTo(0.7);
    }

    @Test
    void theJsonCarriesTheHeadlineAtTopLevelAndEveryDetail() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(report()));

        assertThat(json.fieldNames()).toIterable().contains(
                "gatewayRatio", "gatewayReadRatio", "writeToRawRatio", "freshnessP99Ms", "timelineP99Growth", "rebuildEventsPerSecond",
                "maxRssMiB", "idleCpuAt1M", "startupSeconds", "coldGateway", "writes", "freshness", "sizes",
                "processes", "peer", "loadAverage");
        assertThat(json.path("writes")).hasSize(6);
        assertThat(json.path("sizes").get(1).path("reads").path("timeline").path("p99Ms").asDouble()).isEqualTo(100);
        assertThat(json.path("sizes").get(1).path("rebuild").path("eventsPerSecond").asDouble()).isEqualTo(2_500);
        assertThat(json.path("processes").path("mongo").path("peakRssMiB").asDouble()).isEqualTo(900);
    }

    @Test
    void aFigureThatWasNotMeasuredIsNullNotZero() {
        Report report = Report.of("2026-12-07T01:00:00Z", "quick", 1, 1, null, null, List.of(), "not built", null,
                                  List.of(), Map.of());

        assertThat(report.gatewayRatio()).isNull();
        assertThat(report.freshnessP99Ms()).isNull();
        assertThat(report.timelineP99Growth()).isNull();
        assertThat(report.maxRssMiB()).isNull();
        assertThat(Table.render(report)).contains("gatewayRatio -");
    }

    @Test
    void theTableSetsEachFigureBesideItsReference() {
        String table = Table.render(report());

        assertThat(table).containsPattern("writes/s, 8 clients: gateway +80 +direct 100 +0.8");
        assertThat(table).containsPattern("at 10,000 events: timeline ms p50/p99 +10/100 +p99 at smallest 40 +2.5");
        assertThat(table).containsPattern("at 10,000 events: timeline ms p50/p99, straight at brief-service +9/100 "
                                                  + "+p50 via gateway 10 +0.9");
        assertThat(table).contains("not measured: not built");
    }
}
