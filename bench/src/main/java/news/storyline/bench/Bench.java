package news.storyline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * {@code bin/stack bench [--quick]}: measures a running stack from this separate process, over loopback only,
 * prints one table and writes the run as JSON. bin/stack starts the stack (on its own data) before and stops it
 * after; this program only drives it. Usage and how to read the figures: bench/README.md.
 */
public final class Bench {

    private static final URI GATEWAY = URI.create("http://127.0.0.1:8080");
    private static final URI STORY_SERVICE = URI.create("http://127.0.0.1:8081");
    private static final URI BRIEF_SERVICE = URI.create("http://127.0.0.1:8082");
    private static final String MONGO_URI = "mongodb://127.0.0.1:27017";
    /** The database the services keep the event store and read models in (bin/stack's MONGO_URI). */
    private static final String STORYLINE_DATABASE = "storyline";
    /** The threads seeded stories are linked to in turn; reads are timed on the first. */
    private static final List<String> SEED_THREADS = List.of("bench-reads", "bench-other-1", "bench-other-2",
                                                             "bench-other-3");
    private static final Duration CATCH_UP_POLL = Duration.ofMillis(200);
    /** The stack has worked off what it was given once no process uses more than this share of a core. */
    private static final double SETTLED_SHARE = 0.1;

    /** Where the peer keeps what it must keep in MongoDB (see PostgresPeerApplication); dropped after. */
    private static final String PEER_SCRATCH_DATABASE = "bench_peer";
    private static final Duration PEER_START_LIMIT = Duration.ofSeconds(60);

    private final Plan plan;
    private final Path varDir;
    private final Path outDir;
    private final Path benchJar;
    private final Http http = new Http();
    private final Tokens tokens;
    private final long started = System.nanoTime();
    private String peerNotMeasured;

    private Bench(Plan plan, Options options) {
        this.plan = plan;
        this.varDir = options.varDir();
        this.outDir = options.outDir();
        this.benchJar = options.benchJar();
        this.tokens = new Tokens(varDir.resolve("jwt-secret"), varDir.resolve("trust-secret"));
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Files.createDirectories(options.outDir());
        Plan plan = options.quick() ? Plan.quick() : Plan.full();
        Report report = new Bench(options.largest() > 0 ? plan.upTo(options.largest()) : plan, options)
                .run(options.startupSeconds());
        System.out.println();
        System.out.print(Table.render(report));
        Path written = write(report, options.outDir());
        System.out.println("JSON: " + written + " (and " + options.outDir().resolve("latest.json") + ")");
    }

    /**
     * @param varDir         the stack's var directory: its secrets and its run/ pid files
     * @param outDir         where the JSON goes
     * @param startupSeconds how long bin/stack up took, measured by bin/stack
     * @param benchJar       this program's jar, which also runs the peer
     * @param largest        the largest store size to measure at (the plan's sizes above it are left out), or 0
     */
    record Options(boolean quick, Path varDir, Path outDir, double startupSeconds, Path benchJar, long largest) {

        static Options parse(String[] args) {
            boolean quick = false;
            Path varDir = Path.of("var/bench/stack");
            Path outDir = Path.of("var/bench");
            double startup = 0;
            Path jar = Path.of("bench/target/bench-0.1.0-SNAPSHOT-exec.jar");
            long largest = 0;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--var" -> varDir = Path.of(args[++i]);
                    case "--out" -> outDir = Path.of(args[++i]);
                    case "--startup-seconds" -> startup = Double.parseDouble(args[++i]);
                    case "--jar" -> jar = Path.of(args[++i]);
                    case "--largest" -> largest = Long.parseLong(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                            + "; usage: [--quick] [--largest EVENTS] [--var DIR] [--out DIR] [--startup-seconds S]"
                            + " [--jar JAR]");
                }
            }
            return new Options(quick, varDir, outDir, startup, jar, largest);
        }
    }

    private Report run(double startupSeconds) throws Exception {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Processes processes = Processes.of(varDir.resolve("run"));
        Double loadAverage = Processes.loadAverage();
        say("Plan %s: about %d min, plus the waits for brief-service to catch up (%d, each at most %d min) and for"
                    + " rebuilds (%d, each at most %d min), whose length is what they measure",
            plan.name(), plan.estimate().toMinutes() + 1, plan.sizes().size(), plan.catchUpLimit().toMinutes(),
            plan.rebuildAtEachSize() ? plan.sizes().size() : 1, plan.rebuildLimit().toMinutes());
        try (MongoClient mongo = MongoClients.create(MONGO_URI)) {
            WriteThroughput.Cell cold = WriteThroughput.run(
                    Report.GATEWAY, StoryWrites.viaGateway(http, GATEWAY, tokens, Report.HEADLINE_CLIENTS),
                    Report.HEADLINE_CLIENTS, Duration.ZERO, plan.coldWarmUp());
            say("Writes: gateway right after start-up, %d clients, first %d s: %.1f /s", cold.clients(),
                plan.coldWarmUp().toSeconds(), cold.perSecond());
            List<WriteThroughput.Cell> writes = writes(mongo);
            // Each read model works off the cells' writes at its own pace: freshness is that of a stack keeping up.
            awaitSettled(processes, "the write cells' backlog");
            say("Freshness: %d file+link steps at %d/s (%d writes/s)", plan.freshnessSteps(), plan.freshnessRate(),
                2 * plan.freshnessRate());
            Freshness.Result freshness = new Freshness(http, GATEWAY, tokens).run(plan.freshnessRate(),
                                                                                 plan.freshnessSteps(),
                                                                                 plan.catchUpLimit());
            say("Freshness: %d of %d steps at %.1f/s; ms p50/p99/max to the timeline %s/%s/%s, to the live stream "
                        + "%s/%s/%s", freshness.stepsWritten(), freshness.stepsPlanned(), freshness.achievedPerSecond(),
                freshness.timeline().p50Ms(), freshness.timeline().p99Ms(), freshness.timeline().maxMs(),
                freshness.live().p50Ms(), freshness.live().p99Ms(), freshness.live().maxMs());
            List<SizeResult> sizes = sizes(mongo.getDatabase(STORYLINE_DATABASE), processes);
            Map<String, Report.ProcessUse> use = new LinkedHashMap<>();
            Map<String, Double> cpu = processes.cpuSeconds();
            processes.peakRssMiB().forEach((service, rss) -> use.put(service, new Report.ProcessUse(
                    round(rss), round(cpu.get(service)))));
            return Report.of(startedAt, plan.name(), round(elapsedSeconds()), startupSeconds, loadAverage, cold,
                             writes, peerNotMeasured, freshness, sizes, use);
        }
    }

    /**
     * The write cells, the peer's included when it starts; sets {@link #peerNotMeasured} to why when it does not.
     * PostgreSQL and the peer run only for these cells, so they take nothing from the other measurements.
     */
    private List<WriteThroughput.Cell> writes(MongoClient mongo) throws InterruptedException {
        List<WriteThroughput.Cell> cells = new ArrayList<>();
        PostgresServer postgres = null;
        PeerProcess peer = null;
        try (RawInserts raw = new RawInserts(mongo)) {
            try {
                say("Peer: starting PostgreSQL and story-service on Axon's JDBC event store");
                postgres = PostgresServer.start();
                peer = PeerProcess.start(http, benchJar, postgres, varDir.resolve("trust-secret"),
                                         MONGO_URI + "/" + PEER_SCRATCH_DATABASE, outDir.resolve("peer.log"),
                                         PEER_START_LIMIT);
                say("Peer: up at %s", peer.uri());
            } catch (Exception e) {
                peerNotMeasured = String.valueOf(e.getMessage());
                say("Peer: not measured: %s", peerNotMeasured);
            }
            for (int clients : plan.writeClients()) {
                Map<String, WriteThroughput.Write> targets = new LinkedHashMap<>();
                targets.put(Report.GATEWAY, StoryWrites.viaGateway(http, GATEWAY, tokens, clients));
                targets.put(Report.DIRECT, StoryWrites.direct(http, STORY_SERVICE, tokens));
                targets.put(Report.RAW, raw.write());
                if (peer != null) {
                    targets.put(Report.PEER, StoryWrites.direct(http, peer.uri(), tokens));
                }
                targets.forEach((target, write) -> {
                    WriteThroughput.Cell cell = WriteThroughput.run(target, write, clients, plan.writeWarmUp(),
                                                                    plan.writeWindow());
                    say("Writes: %-24s %2d clients  %8.1f /s  (p99 %s ms, %d failed%s)", target, clients,
                        cell.perSecond(), Table.number(cell.latency().p99Ms()), cell.failures(),
                        cell.firstFailure() == null ? "" : "; first: " + cell.firstFailure());
                    cells.add(cell);
                });
            }
        } finally {
            if (peer != null) {
                peer.close();
            }
            if (postgres != null) {
                postgres.close();
            }
            mongo.getDatabase(PEER_SCRATCH_DATABASE).drop();
        }
        return cells;
    }

    private List<SizeResult> sizes(MongoDatabase storyline, Processes processes) throws InterruptedException {
        StoreSeeder seeder = new StoreSeeder(storyline, SEED_THREADS);
        Reads reads = new Reads(http, GATEWAY, BRIEF_SERVICE, tokens);
        Rebuilds rebuilds = new Rebuilds(http, GATEWAY, tokens);
        List<SizeResult> results = new ArrayList<>();
        String projectedStory = null;
        for (long size : plan.sizes()) {
            long before = seeder.events();
            long seedStart = System.nanoTime();
            seeder.growTo(size, new Progress("Seeding to " + String.format(Locale.ROOT, "%,d", size) + " events"));
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            long events = seeder.events();
            String lastStory = seeder.lastStoryId();

            long catchUpStart = System.nanoTime();
            long catchUpEnd = catchUpStart + plan.catchUpLimit().toNanos();
            boolean caughtUp = false;
            Progress waiting = new Progress("Waiting for brief-service to project them; seconds so far");
            while (!caughtUp && System.nanoTime() < catchUpEnd) {
                waiting.accept((System.nanoTime() - catchUpStart) / 1_000_000_000);
                caughtUp = reads.projected(lastStory, 2, seeder.lastThread(),
                                           seeder.entriesIn(seeder.lastThread()));
                if (!caughtUp) {
                    Thread.sleep(CATCH_UP_POLL.toMillis());
                }
            }
            double catchUpSeconds = (System.nanoTime() - catchUpStart) / 1e9;
            say("At %,d events: brief-service %s in %.1f s", events, caughtUp ? "caught up" : "did NOT catch up",
                catchUpSeconds);

            // A stack that did not catch up has not projected the last story yet: its reads are timed on the last
            // story it had projected at a smaller size (and its idle CPU is not idle: the table says it did not).
            if (caughtUp || projectedStory == null) {
                projectedStory = lastStory;
            }
            Map<String, Double> idle = idleCpu(processes);
            double storeDiskMiB = storeDiskMiB();
            Map<String, Latencies> latencies = reads.measure(SEED_THREADS.get(0), projectedStory, plan.readsPerKind(),
                                                             plan.readLimit());
            say("At %,d events: idle CPU %s; reads p99 %s", events, idle, p99s(latencies));
            Rebuilds.Result rebuild = null;
            if (plan.rebuildAtEachSize() || size == plan.sizes().get(plan.sizes().size() - 1)) {
                rebuild = rebuilds.run(plan.rebuildLimit(), new Progress("Rebuilding; events replayed"));
                say("At %,d events: rebuild %s, %d events in %.1f s", events, rebuild.status(), rebuild.replayed(),
                    rebuild.seconds());
            }
            results.add(new SizeResult(events, events - before, round(seedSeconds), round(catchUpSeconds), caughtUp,
                                       idle, storeDiskMiB, latencies, rebuild));
        }
        return results;
    }

    /** What the store's data directory holds on disk, in MiB. */
    private double storeDiskMiB() {
        try (Stream<Path> files = Files.list(varDir.resolve("mongo"))) {
            return round(files.mapToLong(Bench::sizeOf).sum() / (1024.0 * 1024.0));
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the store's data directory", e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // a journal file deleted by a checkpoint meanwhile
        }
    }

    /**
     * Each process's CPU over the plan's idle window, with nothing driving the stack, as a share of one core. The
     * story and the timeline the catch-up waits for are two read models of seven: the others may still be working
     * through the backlog, so the window starts once the stack {@link #awaitSettled settled}.
     */
    private Map<String, Double> idleCpu(Processes processes) throws InterruptedException {
        awaitSettled(processes, "the seeded events");
        return cpuShares(processes, plan.idleWindow());
    }

    /**
     * Waits until no process uses more than {@link #SETTLED_SHARE} of a core over a second, at most the plan's
     * catch-up limit (the log says when it ran out, and how long it waited either way).
     */
    private void awaitSettled(Processes processes, String backlog) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + plan.catchUpLimit().toNanos();
        Progress waiting = new Progress("Waiting for the stack to work off " + backlog + "; seconds so far");
        while (!settled(processes)) {
            waiting.accept((System.nanoTime() - start) / 1_000_000_000);
            if (System.nanoTime() > end) {
                say("The stack did not settle within %d s of %s; measuring anyway", plan.catchUpLimit().toSeconds(),
                    backlog);
                return;
            }
        }
        say("The stack settled after %.1f s of %s", (System.nanoTime() - start) / 1e9, backlog);
    }

    private static boolean settled(Processes processes) throws InterruptedException {
        return cpuShares(processes, Duration.ofSeconds(1)).values().stream().allMatch(share -> share <= SETTLED_SHARE);
    }

    private static Map<String, Double> cpuShares(Processes processes, Duration window) throws InterruptedException {
        Map<String, Double> before = processes.cpuSeconds();
        long from = System.nanoTime();
        Thread.sleep(window.toMillis());
        double seconds = (System.nanoTime() - from) / 1e9;
        Map<String, Double> after = processes.cpuSeconds();
        Map<String, Double> share = new LinkedHashMap<>();
        before.forEach((service, cpu) -> share.put(service, Math.round((after.get(service) - cpu) / seconds * 1000)
                / 1000.0));
        return share;
    }

    private static Map<String, Double> p99s(Map<String, Latencies> latencies) {
        Map<String, Double> p99 = new LinkedHashMap<>();
        latencies.forEach((kind, figures) -> p99.put(kind, figures.p99Ms()));
        return p99;
    }

    private static Path write(Report report, Path outDir) throws Exception {
        Files.createDirectories(outDir);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path file = outDir.resolve(report.startedAt().replace(":", "") + ".json");
        json.writeValue(file.toFile(), report);
        Files.copy(file, outDir.resolve("latest.json"), StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%5.0f s] " + format + "%n", prepend(elapsedSeconds(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Prints a long step's progress at most once every few seconds, so that a long run shows it is moving. */
    private final class Progress implements LongConsumer {

        private static final long EVERY_NANOS = Duration.ofSeconds(5).toNanos();
        private final String what;
        private long last = System.nanoTime();

        Progress(String what) {
            this.what = what;
        }

        @Override
        public void accept(long events) {
            if (System.nanoTime() - last >= EVERY_NANOS) {
                last = System.nanoTime();
                say("%s: %,d", what, events);
            }
        }
    }
}
