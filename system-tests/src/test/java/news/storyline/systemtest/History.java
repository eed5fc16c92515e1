package news.storyline.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every request a reliability test's clients send, with its answer, in the order the answers came: kept in memory for
 * {@link HistoryCheck} and written, one JSON object a line, to {@code <storyline.reliability.dir>/<name>.jsonl} as it
 * happens, so that a failed run can be read afterwards request by request.
 *
 * <p>An answer is <em>acknowledged</em> when it is a {@code 2xx}: the write happened and must be in the store, once.
 * A {@code 4xx} is a refusal: nothing may have been written. A {@code 5xx} or no answer at all (status {@code -1}) is
 * <em>indeterminate</em>: the write may or may not have happened, and the client does not know which.
 */
final class History implements AutoCloseable {

    /** What a client asked for; {@link HistoryCheck} knows which event each one must leave in the store. */
    enum Op { OPEN_THREAD, FILE, LINK, ATTRIBUTE, REVISE }

    /**
     * One request and its answer. {@code target} is the aggregate written to (a story's id, a thread's slug; for a
     * filing, the id the answer named), {@code marker} the text that makes its event recognisable in the store (the
     * headline it sets, the thread it links to), {@code version} the version the answer named (0 if none).
     */
    record Call(long seq, String client, Op op, String method, String path, String key, String ifMatch,
                String marker, String target, Instant started, long tookMillis, int status, long version,
                String problemType, boolean replayed, String error) {

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }

        boolean refused() {
            return status >= 400 && status < 500;
        }

        boolean indeterminate() {
            return status < 0 || status >= 500;
        }

        @Override
        public String toString() {
            return "#" + seq + " " + client + " " + op + " " + method + " " + path
                    + (key == null ? "" : " key " + key) + (ifMatch == null ? "" : " If-Match " + ifMatch)
                    + " -> " + (status < 0 ? "no answer (" + error + ")" : status
                    + (version > 0 ? " v" + version : "") + (replayed ? " (replayed)" : "")
                    + (problemType == null ? "" : " " + problemType))
                    + " in " + tookMillis + " ms" + (marker == null ? "" : " [" + marker + "]");
        }
    }

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    private final Path file;
    private final BufferedWriter writer;
    private final List<Call> calls = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    private History(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.getParent());
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** A new history logged to {@code <storyline.reliability.dir>/<name>.jsonl}. */
    static History named(String name) {
        Path directory = Path.of(System.getProperty("storyline.reliability.dir", "target/reliability"));
        try {
            return new History(directory.resolve(name + ".jsonl").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the history log of " + name, e);
        }
    }

    Path file() {
        return file;
    }

    /**
     * Sends one write and records it. The client waits up to 30 s, twice the gateway's limit for a write, so that a
     * hang shows as a long {@code tookMillis} or as no answer, never as a test that waits forever.
     */
    Call send(String client, Op op, String method, String url, Object body, Map<String, String> headers,
              String marker, String target) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        Http.Response response = null;
        String error = null;
        try {
            response = Http.send(method, url, body, headers, CLIENT_TIMEOUT);
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        long took = (System.nanoTime() - start) / 1_000_000;
        String path = url.replaceFirst("^http://[^/]+", "");
        String key = headers.get("Idempotency-Key");
        String ifMatch = headers.get("If-Match");
        int status = response == null ? -1 : response.status();
        JsonNode json = response == null ? null : response.json();
        long version = json == null ? 0 : json.path("version").asLong(0);
        String answeredId = json == null ? null : json.path("id").asText(null);
        String problemType = json == null || !json.has("type") ? null : json.path("type").asText();
        boolean replayed = response != null && response.header("Idempotency-Replayed").map("true"::equals).orElse(false);
        String resolvedTarget = target != null ? target : (status >= 200 && status < 300 ? answeredId : null);
        Call call = new Call(sequence.incrementAndGet(), client, op, method, path, key, ifMatch, marker,
                resolvedTarget, started, took, status, version, problemType, replayed, error);
        if (response != null && status >= 500) {
            call = withError(call, response.contentType() + " " + abbreviate(response.text()));
        }
        log(call);
        return call;
    }

    private static Call withError(Call call, String error) {
        return new Call(call.seq(), call.client(), call.op(), call.method(), call.path(), call.key(), call.ifMatch(),
                call.marker(), call.target(), call.started(), call.tookMillis(), call.status(), call.version(),
                call.problemType(), call.replayed(), error);
    }

    private synchronized void log(Call call) {
        calls.add(call);
        ObjectNode line = Http.JSON.createObjectNode()
                .put("seq", call.seq()).put("client", call.client()).put("op", call.op().name())
                .put("method", call.method()).put("path", call.path()).put("key", call.key())
                .put("ifMatch", call.ifMatch()).put("marker", call.marker()).put("target", call.target())
                .put("started", call.started().toString()).put("tookMillis", call.tookMillis())
                .put("status", call.status()).put("version", call.version())
                .put("problemType", call.problemType()).put("replayed", call.replayed()).put("error", call.error());
        try {
            writer.write(line.toString());
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to " + file, e);
        }
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** A line for the log: the event a checker found, or anything else worth keeping beside the requests. */
    synchronized void note(String text) {
        try {
            writer.write(Http.JSON.createObjectNode().put("note", text).put("at", Instant.now().toString()).toString());
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close " + file, e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
