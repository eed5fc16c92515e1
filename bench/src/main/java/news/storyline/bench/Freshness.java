package news.storyline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * How soon a write is seen: at a steady rate, a story is filed and linked to a thread (through the gateway); from
 * the link's 2xx the clock runs until the story is on the thread's timeline (polled back to back) and until its
 * event arrives on the thread's live stream ({@code /api/threads/{slug}/live}, one subscriber).
 */
final class Freshness {

    record Result(int stepsPlanned, int stepsWritten, double achievedPerSecond, Latencies timeline, Latencies live,
                  int neverOnTimeline, int neverLive) {
    }

    /** Writers in flight at once; a step is two writes, so this covers 200 steps/s at 80 ms a write. */
    private static final int WRITERS = 32;
    /** The newest entries read at each timeline poll; more than the steps a poll can fall behind by. */
    private static final int TIMELINE_PAGE = 100;
    /** How long the last steps may take to be seen before they count as never seen. */
    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final long THREAD_POLL_MILLIS = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http http;
    private final URI gateway;
    private final Map<String, String> editor;
    private final Map<String, String> reader;

    Freshness(Http http, URI gateway, Tokens tokens) {
        this.http = http;
        this.gateway = gateway;
        this.editor = Map.of("Authorization", "Bearer " + tokens.user("bench-freshness-editor", "editor"));
        this.reader = Map.of("Authorization", "Bearer " + tokens.user("bench-freshness-reader", "reader"));
    }

    /**
     * @param catchUpLimit how long brief-service may take to show the new thread: it projects in order, so once it
     *                     does, the backlog of earlier runs is behind it and the figures are of a stack keeping up
     */
    Result run(int perSecond, int steps, Duration catchUpLimit) throws Exception {
        String slug = "bench-freshness-" + System.currentTimeMillis();
        HttpResponse<String> opened = http.post(gateway.resolve("/api/threads"), editor,
                                                "{\"slug\":\"" + slug + "\",\"title\":\"Bench freshness\"}");
        if (!Http.ok(opened)) {
            throw new IllegalStateException("Cannot open the thread " + slug + ": " + opened.statusCode() + " "
                                                    + opened.body());
        }
        awaitThread(slug, catchUpLimit);
        Map<String, Long> linkedAt = new ConcurrentHashMap<>();
        Map<String, Boolean> onTimeline = new ConcurrentHashMap<>();
        Map<String, Boolean> live = new ConcurrentHashMap<>();
        Samples timelineLatency = new Samples(steps);
        Samples liveLatency = new Samples(steps);
        AtomicLong written = new AtomicLong();
        AtomicLong finished = new AtomicLong();

        HttpResponse<Stream<String>> stream = http.stream(gateway.resolve("/api/threads/" + slug + "/live"), reader);
        if (!Http.ok(stream)) {
            throw new IllegalStateException("The thread's live stream answered " + stream.statusCode());
        }
        ExecutorService watchers = Executors.newFixedThreadPool(2);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        long started = System.nanoTime();
        try {
            watchers.submit(() -> stream.body().forEach(line -> {
                if (line.startsWith("data:")) {
                    seen(storyIdIn(line.substring(5)), linkedAt, live, liveLatency);
                }
            }));
            watchers.submit(() -> pollTimeline(slug, linkedAt, onTimeline, timelineLatency, steps));

            AtomicLong next = new AtomicLong();
            long periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
            pacer.scheduleAtFixedRate(() -> {
                long n = next.getAndIncrement();
                if (n < steps) {
                    writers.submit(() -> {
                        step(slug, n, linkedAt, written);
                        finished.incrementAndGet();
                    });
                }
            }, 0, periodNanos, TimeUnit.NANOSECONDS);

            long deadline = started + TimeUnit.SECONDS.toNanos(steps / perSecond) * 3 + Http.REQUEST_TIMEOUT.toNanos()
                    + SETTLE_NANOS;
            // Until every step has had its answer and every linked story was seen both ways, or the deadline.
            while (System.nanoTime() < deadline && (finished.get() < steps || !allSeen(linkedAt, onTimeline, live))) {
                Thread.sleep(50);
            }
        } finally {
            pacer.shutdownNow();
            writers.shutdownNow();
            watchers.shutdownNow();
            stream.body().close();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int stepsWritten = (int) written.get();
        return new Result(steps, stepsWritten, Math.round(stepsWritten / seconds * 10) / 10.0,
                          timelineLatency.summary(), liveLatency.summary(),
                          stepsWritten - onTimeline.size(), stepsWritten - live.size());
    }

    private void awaitThread(String slug, Duration limit) throws InterruptedException {
        URI thread = gateway.resolve("/api/threads/" + slug + "?minVersion=1");
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Http.ok(http.get(thread, reader))) {
                return;
            }
            Thread.sleep(THREAD_POLL_MILLIS);
        }
        throw new IllegalStateException("brief-service did not show the thread " + slug + " within " + limit);
    }

    /** File a story, link it to the thread, and start its clock at the link's 2xx. */
    private void step(String slug, long n, Map<String, Long> linkedAt, AtomicLong written) {
        try {
            HttpResponse<String> filed = http.post(gateway.resolve("/api/stories"), editor, StoryText.filing(n));
            if (!Http.ok(filed)) {
                return;
            }
            String id = JSON.readTree(filed.body()).path("id").asText();
            HttpResponse<String> linked = http.post(gateway.resolve("/api/stories/" + id + "/links"), editor,
                                                    "{\"thread\":\"" + slug + "\"}");
            if (Http.ok(linked)) {
                linkedAt.put(id, System.nanoTime());
                written.incrementAndGet();
            }
        } catch (Exception e) {
            // A failed step is not written; the result's stepsWritten says how many were.
        }
    }

    private void pollTimeline(String slug, Map<String, Long> linkedAt, Map<String, Boolean> onTimeline,
                              Samples latency, int steps) {
        URI page = gateway.resolve("/api/threads/" + slug + "/timeline?limit=" + TIMELINE_PAGE);
        while (!Thread.currentThread().isInterrupted() && onTimeline.size() < steps) {
            try {
                HttpResponse<String> answer = http.get(page, reader);
                if (Http.ok(answer)) {
                    for (JsonNode entry : JSON.readTree(answer.body()).path("entries")) {
                        seen(entry.path("storyId").asText(), linkedAt, onTimeline, latency);
                    }
                }
            } catch (Exception e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        }
    }

    /** The first sighting of a linked story stops its clock; later ones change nothing. */
    private static void seen(String storyId, Map<String, Long> linkedAt, Map<String, Boolean> sightings,
                             Samples latency) {
        long now = System.nanoTime();
        Long linked = storyId == null ? null : linkedAt.get(storyId);
        if (linked != null && sightings.putIfAbsent(storyId, true) == null) {
            latency.add(now - linked);
        }
    }

    /** A live event's data is a timeline entry (or, should the timeline lag, the CloudEvent); both name the story. */
    private static String storyIdIn(String data) {
        try {
            JsonNode event = JSON.readTree(data);
            return event.has("storyId") ? event.path("storyId").asText() : event.path("subject").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean allSeen(Map<String, Long> linkedAt, Map<String, Boolean> onTimeline,
                                   Map<String, Boolean> live) {
        return onTimeline.size() >= linkedAt.size() && live.size() >= linkedAt.size();
    }
}
