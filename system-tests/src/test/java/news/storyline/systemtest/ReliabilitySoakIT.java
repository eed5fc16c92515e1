package news.storyline.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row 7 of the reliability set (docs/reliability.md), the soak: editors write (the steady load), readers read
 * timelines, briefs, search and stories, subscribers follow the event stream, and a full rebuild of the read models
 * runs in the middle: 10 minutes with {@code -Preliability}. Afterwards: no error answer but {@code 409} and
 * {@code 429}, each process's live memory (heap and metaspace after a full collection) flat within 10% after the
 * warm-up, every subscriber saw the feed's positions dense and in order, and the history check finds nothing lost.
 * The normal build runs 30 s of it without the rebuild (which other tests cover) and only prints the memory, which
 * has not settled that soon.
 */
class ReliabilitySoakIT {

    private static final Duration LENGTH = Reliability.pick(Duration.ofSeconds(30), Duration.ofMinutes(10));
    private static final Duration WARM_UP = Reliability.pick(Duration.ofSeconds(15), Duration.ofMinutes(1));
    private static final int WRITERS = 3;
    private static final int READERS = Reliability.pick(2, 4);
    private static final int SUBSCRIBERS = Reliability.pick(10, 50);
    /** Live memory may end at most this much above where it stood after the warm-up. */
    private static final double LIVE_MEMORY_GROWTH_ALLOWED = 1.10;
    private static final Duration REBUILD_STALLED = Duration.ofSeconds(60);
    private static final Duration REBUILD_AT_MOST = Duration.ofMinutes(30);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(2);
    private static final Duration QUIET = Duration.ofMillis(200);
    /** How a read without an answer (a timeout, a refused connection) is counted among the answers' statuses. */
    private static final int NO_ANSWER = 0;
    /** Reads without an answer whose moment is kept as a thread dump of every process, to see where they hung. */
    private static final int DUMPS_AT_MOST = 3;
    private static final List<String> PROCESSES = List.of(StorylineStack.GATEWAY, StorylineStack.STORY_SERVICE + "-0",
                                                          StorylineStack.BRIEF_SERVICE);

    private static StorylineStack stack;
    private static History history;
    private static String tag;

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Map<Integer, AtomicLong> readAnswers = new ConcurrentHashMap<>();
    private final Queue<String> readErrors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger dumps = new AtomicInteger();

    @BeforeAll
    static void startStack() {
        stack = StorylineStack.shared();
        tag = Reliability.tag();
        history = History.named("soak-" + tag);
    }

    @AfterAll
    static void closeHistory() {
        history.close();
    }

    @Test
    void aMixedLoadIsAnsweredWellStaysFlatAndLosesNothing() throws Exception {
        List<Subscriber> subscribers = new ArrayList<>();
        for (int n = 0; n < SUBSCRIBERS; n++) {
            subscribers.add(Subscriber.start(stack, "subscriber-" + tag + "-" + n));
        }
        SteadyLoad writes = SteadyLoad.start(stack, history, "k" + tag, WRITERS);
        List<Thread> readers = new ArrayList<>();
        for (int n = 0; n < READERS; n++) {
            String reader = "reader-" + tag + "-" + n;
            Thread thread = new Thread(() -> read(reader), reader);
            thread.setDaemon(true);
            readers.add(thread);
            thread.start();
        }
        Instant start = Instant.now();
        Map<String, Memory> afterWarmUp;
        Map<String, Memory> atTheEnd;
        String rebuild;
        try {
            Reliability.sleep(WARM_UP);
            afterWarmUp = memoryAfterAFullCollection();
            Reliability.sleep(LENGTH.minus(WARM_UP).dividedBy(2));
            rebuild = Reliability.LONG ? rebuildAndFollow() : "DONE (none in the short run)";
            Duration left = LENGTH.minus(Duration.between(start, Instant.now()));
            if (!left.isNegative()) {
                Reliability.sleep(left);
            }
            atTheEnd = memoryAfterAFullCollection();
        } finally {
            stopping.set(true);
            writes.stop();
            for (Thread reader : readers) {
                reader.join(Duration.ofSeconds(30).toMillis());
            }
        }
        HistoryCheck.Verdict verdict = HistoryCheck.check("soak", stack, history, Duration.ofSeconds(60));
        subscribers.forEach(Subscriber::stop);

        Map<Integer, Long> writeAnswers = new TreeMap<>();
        history.calls().forEach(call -> writeAnswers.merge(call.status(), 1L, Long::sum));
        System.out.println("soak: " + LENGTH.toSeconds() + " s, " + WRITERS + " writers, " + READERS + " readers, "
                + SUBSCRIBERS + " subscribers; writes " + writeAnswers + ", reads " + new TreeMap<>(readAnswers)
                + "; rebuild " + rebuild + "; memory after the warm-up " + afterWarmUp + ", at the end " + atTheEnd
                + "; subscribers saw " + subscribers.stream().mapToInt(s -> s.positions.size())
                                                                        .summaryStatistics());

        assertThat(verdict.clean()).as(verdict.details() + "\nhistory: " + history.file()).isTrue();
        assertThat(history.calls()).as("write answers other than 2xx, 409 and 429")
                .filteredOn(call -> !call.acknowledged() && call.status() != 409 && call.status() != 429).isEmpty();
        assertThat(readErrors).as("read answers other than 2xx and 429").isEmpty();
        assertThat(rebuild).startsWith("DONE");
        for (String process : Reliability.LONG ? PROCESSES : List.<String>of()) {
            assertThat(atTheEnd.get(process).liveBytes())
                    .as("live memory of %s at the end (%s), against %s after the warm-up", process,
                        atTheEnd.get(process), afterWarmUp.get(process))
                    .isLessThanOrEqualTo((long) (afterWarmUp.get(process).liveBytes() * LIVE_MEMORY_GROWTH_ALLOWED));
        }
        for (Subscriber subscriber : subscribers) {
            assertThat(subscriber.status).as(subscriber.name).isEqualTo(200);
            assertThat(subscriber.positions).as("%s saw events", subscriber.name).isNotEmpty();
            assertThat(subscriber.gapsAndRepeats()).as("%s: positions not dense and in order", subscriber.name)
                                                   .isEmpty();
        }
    }

    /** Reads what an editor's desk reads, round after round, until the soak ends. */
    private void read(String reader) {
        Map<String, String> headers = stack.as(reader, "Читател", "reader");
        List<String> paths = List.of("/api/threads", "/api/briefs?limit=20", "/api/search?q=" + URLEncoder.encode(SteadyLoad.SOURCE, StandardCharsets.UTF_8),
                                     "/api/sources/" + SteadyLoad.SOURCE_ALIAS + "/stories");
        while (!stopping.get()) {
            List<String> round = new ArrayList<>(paths);
            // minVersion: a thread just opened is read as a client that opened it would, waiting (bounded) for it.
            latestThread().ifPresent(slug -> round.add("/api/threads/" + slug + "/timeline?limit=20&minVersion=1"));
            latestStory().ifPresent(id -> round.add("/api/stories/" + id + "?minVersion=1"));
            for (String path : round) {
                Http.Response answer;
                try {
                    answer = Http.get(stack.gatewayUrl() + path, headers);
                } catch (UncheckedIOException noAnswer) {
                    // Counted and reported, and the reader reads on: a read without an answer is an error too.
                    readAnswers.computeIfAbsent(NO_ANSWER, any -> new AtomicLong()).incrementAndGet();
                    readErrors.add(Instant.now() + " GET " + path + " -> no answer: " + noAnswer.getMessage()
                                   + threadDumps());
                    continue;
                }
                readAnswers.computeIfAbsent(answer.status(), any -> new AtomicLong()).incrementAndGet();
                if (answer.status() >= 300 && answer.status() != 429) {
                    readErrors.add("GET " + path + " -> " + answer);
                }
            }
        }
    }

    private Optional<String> latestThread() {
        return history.calls().stream().filter(call -> call.op() == History.Op.OPEN_THREAD && call.acknowledged())
                      .reduce((first, second) -> second).map(History.Call::target);
    }

    private Optional<String> latestStory() {
        return history.calls().stream().filter(call -> call.op() == History.Op.FILE && call.acknowledged())
                      .reduce((first, second) -> second).map(History.Call::target);
    }

    /**
     * Starts a full rebuild and follows it while it makes progress: under the soak's load its pace is the store's, so
     * it is given no fixed time, only none without progress (and an outer bound). Its final status, how long it
     * took and its pace.
     */
    private static String rebuildAndFollow() throws InterruptedException {
        Instant started = Instant.now();
        Http.Response answer = Http.send("POST", stack.gatewayUrl() + "/api/admin/rebuilds", null, stack.as("admin"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        String rebuild = answer.header("Location").orElseThrow();
        long replayed = -1;
        Instant progressed = started;
        while (true) {
            JsonNode state = Http.get(stack.gatewayUrl() + rebuild, stack.as("admin")).body();
            String status = state.path("status").asText();
            Instant now = Instant.now();
            long seconds = Math.max(1, Duration.between(started, now).toSeconds());
            if (status.equals("DONE") || status.equals("FAILED")) {
                return status + " in " + Duration.between(started, now).toMillis() + " ms ("
                       + state.path("replayed").asLong() / seconds + " events/s)";
            }
            if (state.path("replayed").asLong() > replayed) {
                replayed = state.path("replayed").asLong();
                progressed = now;
            }
            assertThat(Duration.between(progressed, now)).as("a rebuild without progress, at %d events (%s)",
                                                             replayed, state).isLessThan(REBUILD_STALLED);
            assertThat(Duration.between(started, now)).as("a rebuild still at %d events (%s)", replayed, state)
                                                      .isLessThan(REBUILD_AT_MOST);
            Thread.sleep(500);
        }
    }

    /**
     * Each process's memory right after a full collection. What is live then (the heap's used part and the
     * metaspace) is what a leak would grow; the resident set is printed too, but a heap that grew up to its
     * {@code -Xmx} under the rebuild's allocations keeps its pages and is not a leak (the first long run saw
     * brief-service at 545 MiB after the rebuild, within its heap and the JVM's own share; the last saw its resident
     * set grow from 258 to 411 MiB while its heap stayed bounded).
     */
    private static Map<String, Memory> memoryAfterAFullCollection() throws IOException, InterruptedException {
        Map<String, Memory> memory = new TreeMap<>();
        for (String process : PROCESSES) {
            long pid = stack.pid(process);
            jcmd(pid, "GC.run");
            memory.put(process, new Memory(liveBytes(jcmd(pid, "GC.heap_info")), residentSetSize(pid)));
        }
        return memory;
    }

    /**
     * Thread dumps of every process of the stack, right after a read went unanswered, in the run's directory: no
     * log says why a read was never answered, so the dump is where to look. Nothing after the first few.
     */
    private String threadDumps() {
        int dump = dumps.incrementAndGet();
        if (dump > DUMPS_AT_MOST) {
            return "";
        }
        List<String> files = new ArrayList<>();
        for (String process : stack.services()) {
            Path file = stack.runDirectory().resolve("no-answer-" + dump + "-" + process + ".threads.txt");
            try {
                Files.write(file, jcmd(stack.pid(process), "Thread.print"));
                files.add(file.toString());
            } catch (IOException | RuntimeException | AssertionError e) { // a dump that fails must not end the reader
                files.add(process + ": no dump (" + e + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return " (interrupted while dumping threads)";
            }
        }
        return " (threads: " + String.join(", ", files) + ")";
    }

    /** What a process holds live, and its resident set. */
    record Memory(long liveBytes, long residentBytes) {

        @Override
        public String toString() {
            return "live " + (liveBytes >> 20) + " MiB, RSS " + (residentBytes >> 20) + " MiB";
        }
    }

    /**
     * The used parts of the heap's generations (or of a region-based heap) and of the metaspace, as
     * {@code GC.heap_info} prints them ({@code ... total 78656K, used 1234K ...}).
     */
    static long liveBytes(List<String> heapInfo) {
        long kibibytes = 0;
        for (String line : heapInfo) {
            Matcher used = USED.matcher(line);
            if (used.find()) {
                kibibytes += Long.parseLong(used.group(1));
            }
        }
        if (kibibytes == 0) {
            throw new IllegalStateException("No heap or metaspace use in " + heapInfo);
        }
        return kibibytes * 1024;
    }

    private static final Pattern USED = Pattern.compile(
            "^\\s*(?:\\S.*(?:generation|heap)\\s+total \\d+K,|Metaspace)\\s+used (\\d+)K");

    private static List<String> jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                                          Long.toString(pid), command)
                .redirectErrorStream(true).start();
        List<String> output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(jcmd.waitFor(60, TimeUnit.SECONDS)).as("jcmd %s on %d", command, pid).isTrue();
        return output;
    }

    /** A process's resident set in bytes, from {@code /proc/<pid>/status}. */
    private static long residentSetSize(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("No VmRSS for process " + pid);
    }

    /** A subscriber on the event stream from its head on, keeping every position it is sent. */
    private static final class Subscriber {
        final String name;
        final List<Long> positions = new ArrayList<>();
        final AtomicBoolean stopped = new AtomicBoolean();
        int status;
        private Thread thread;

        private Subscriber(String name) {
            this.name = name;
        }

        static Subscriber start(StorylineStack stack, String name) {
            Subscriber subscriber = new Subscriber(name);
            SseClient stream = SseClient.open(stack.gatewayUrl() + "/api/events/stream",
                                              stack.as(name, "Абонат", "subscriber"));
            subscriber.status = stream.status();
            subscriber.thread = new Thread(() -> subscriber.follow(stream), name);
            subscriber.thread.setDaemon(true);
            subscriber.thread.start();
            return subscriber;
        }

        private void follow(SseClient stream) {
            try (stream) {
                while (!stopped.get()) {
                    stream.next(QUIET).map(SseClient.Event::id).filter(id -> id != null)
                          .ifPresent(id -> {
                              synchronized (positions) {
                                  positions.add(Long.parseLong(id));
                              }
                          });
                }
            }
        }

        void stop() {
            stopped.set(true);
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Every place where a position does not follow the one before it by exactly one. */
        List<String> gapsAndRepeats() {
            List<String> faults = new ArrayList<>();
            synchronized (positions) {
                for (int n = 1; n < positions.size(); n++) {
                    if (positions.get(n) != positions.get(n - 1) + 1) {
                        faults.add(positions.get(n - 1) + " then " + positions.get(n));
                    }
                }
            }
            return faults;
        }
    }
}
