import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the live event stream holds up with many subscribers: N subscribers follow /api/events/stream through the
 * gateway, one more subscribes and never reads, and an editor files stories at a newsroom's pace. Reports how long
 * each event took from the write's answer to each subscriber (percentiles over all deliveries), whether every
 * subscriber got every event once and in order, whether the stalled one was cut off, and brief-service's resident
 * memory before and after. Runs against the local stack (bin/stack up); see bench/README.md.
 *
 *   java bench/StreamFanout.java [subscribers=100] [stories=60] [writes-per-second=8]
 */
public class StreamFanout {

    private static final String GATEWAY = "http://127.0.0.1:8080";
    private static final Pattern STORY_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SUBJECT = Pattern.compile("\"subject\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                                     .connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int stories = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        double writesPerSecond = args.length > 2 ? Double.parseDouble(args[2]) : 8;
        String subscriberToken = token("subscriber");
        String editorToken = token("editor");
        long rssBefore = briefServiceRssKib();

        long head = head(subscriberToken);
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger outOfOrder = new AtomicInteger();
        CountDownLatch everyoneHasAll = new CountDownLatch(subscribers);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> readers = new ArrayList<>();
        for (int s = 0; s < subscribers; s++) {
            readers.add(follow(subscriberToken, head, stories, answeredAt, latenciesMicros, outOfOrder,
                               everyoneHasAll, stop));
        }
        HttpResponse<InputStream> stalled = open(subscriberToken, head);
        Thread.sleep(1_000); // every stream caught up and live

        long interval = (long) (1_000_000_000L / writesPerSecond);
        long started = System.nanoTime();
        for (int n = 0; n < stories; n++) {
            long due = started + n * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String id = file(editorToken, n);
            answeredAt.put(id, System.nanoTime());
        }
        boolean complete = everyoneHasAll.await(60, TimeUnit.SECONDS);
        stop.set(true);
        String stalledEnd = drainStalled(stalled);
        long rssAfter = briefServiceRssKib();
        readers.forEach(Thread::interrupt);

        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        System.out.printf("subscribers %d (+1 stalled), stories %d at %.1f/s%n", subscribers, stories, writesPerSecond);
        System.out.printf("deliveries %d of %d expected; every subscriber complete: %s; out of order or repeated: %d%n",
                          sorted.size(), (long) subscribers * stories, complete, outOfOrder.get());
        System.out.printf("write answered -> delivered, ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                          percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                          percentile(sorted, 100));
        System.out.printf("stalled subscriber: %s%n", stalledEnd);
        System.out.printf("brief-service resident memory: %d MiB before, %d MiB after%n", rssBefore / 1024,
                          rssAfter / 1024);
        System.exit(complete && outOfOrder.get() == 0 ? 0 : 1);
    }

    /** A subscriber on its own thread: counts the stories it sees after {@code head}, in position order. */
    private static Thread follow(String token, long head, int stories, Map<String, Long> answeredAt,
                                 List<Long> latenciesMicros, AtomicInteger outOfOrder, CountDownLatch done,
                                 AtomicBoolean stop) throws Exception {
        HttpResponse<InputStream> response = open(token, head);
        Thread thread = new Thread(() -> {
            int seen = 0;
            long lastPosition = head;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                                                                                  StandardCharsets.UTF_8))) {
                String line;
                while (!stop.get() && (line = lines.readLine()) != null) {
                    if (line.startsWith("id:")) {
                        long position = Long.parseLong(line.substring(3).strip());
                        if (position != lastPosition + 1) {
                            outOfOrder.incrementAndGet();
                        }
                        lastPosition = position;
                    } else if (line.startsWith("data:") && line.contains("story.filed")) {
                        long now = System.nanoTime();
                        Matcher subject = SUBJECT.matcher(line);
                        Long answered = subject.find() ? answeredAt.get(subject.group(1)) : null;
                        // The event can arrive before the write's answer does; that counts as no wait at all.
                        latenciesMicros.add(answered == null ? 0 : Math.max(0, (now - answered) / 1_000));
                        if (++seen == stories) {
                            done.countDown();
                        }
                    }
                }
            } catch (IOException closed) {
                // The benchmark is over.
            }
        }, "subscriber");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static HttpResponse<InputStream> open(String token, long after) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(GATEWAY + "/api/events/stream?after=" + after))
                                         .header("Authorization", "Bearer " + token)
                                         .header("Accept", "text/event-stream").GET().build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() == 200) {
                return response;
            }
            response.body().close();
            // All subscribers share one token subject, so opening them all at once meets the gateway's read limit.
            if (response.statusCode() != 429 || attempt == 5) {
                throw new IllegalStateException("The stream answered " + response.statusCode());
            }
            long retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(1);
            TimeUnit.SECONDS.sleep(retryAfter);
        }
    }

    /** Reads what the stalled subscriber was sent, to see how it ended. */
    private static String drainStalled(HttpResponse<InputStream> stalled) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stalled.body(), StandardCharsets.UTF_8))) {
            String line;
            String previous = "";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
                if (previous.equals("event: cut-off") && line.startsWith("data:")) {
                    return "cut off: " + line.substring(5).strip();
                }
                previous = line;
            }
            return "not cut off (its buffer held every event; raise stories or lower storyline.live.buffer)";
        }
    }

    private static String file(String token, int n) throws Exception {
        String body = "{\"headline\":\"Бенчмарк: новина " + n + "\",\"lead\":\"Потокът от събития под товар.\","
                + "\"body\":\"Текст.\",\"dateline\":{\"place\":\"София\"},\"language\":\"bg\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(GATEWAY + "/api/stories"))
                                         .header("Authorization", "Bearer " + token)
                                         .header("Content-Type", "application/json")
                                         .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                         .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Filing answered " + response.statusCode() + ": " + response.body());
        }
        Matcher id = STORY_ID.matcher(response.body());
        if (!id.find()) {
            throw new IllegalStateException("No id in " + response.body());
        }
        return id.group(1);
    }

    private static long head(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(GATEWAY + "/api/events?limit=1&after=0"))
                                         .header("Authorization", "Bearer " + token).GET().build();
        String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher head = Pattern.compile("\"head\"\\s*:\\s*(\\d+)").matcher(body);
        if (!head.find()) {
            throw new IllegalStateException("No head in " + body);
        }
        return Long.parseLong(head.group(1));
    }

    private static String token(String role) throws Exception {
        Process process = new ProcessBuilder("bin/stack", "token", role).redirectErrorStream(false).start();
        String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0 || token.isEmpty()) {
            throw new IllegalStateException("bin/stack token " + role + " failed; run this from the repository root");
        }
        return token;
    }

    private static long briefServiceRssKib() throws IOException {
        String pid = Files.readString(Path.of("var/run/brief-service.pid")).strip();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static double percentile(List<Long> sortedMicros, int percentile) {
        if (sortedMicros.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, index)) / 1000.0;
    }
}
