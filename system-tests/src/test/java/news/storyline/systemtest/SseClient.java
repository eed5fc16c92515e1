package news.storyline.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client for system tests: opens a stream, hands out its events one by one with a bound on the
 * wait, and can hang up at any point, as a real subscriber's network would. Lines are read on a thread of their
 * own into a queue, so a test never blocks on a silent stream longer than it asked to.
 */
final class SseClient implements AutoCloseable {

    /** One SSE event: {@code id}, {@code event} name (null when unnamed) and its {@code data} lines joined. */
    record Event(String id, String name, String data) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private static final Event END = new Event(null, null, null);

    private final int status;
    private final Stream<String> lines;
    private final Thread reader;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private SseClient(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.lines = response.body();
        this.reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code url} (127.0.0.1 only) with {@code headers}; returns once the response headers are in. */
    static SseClient open(String url, Map<String, String> headers) {
        URI uri = URI.create(url);
        if (!"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalArgumentException("System tests talk to 127.0.0.1 only, not " + url);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        try {
            return new SseClient(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted opening " + url, e);
        }
    }

    int status() {
        return status;
    }

    /** The next event within {@code timeout}; empty when none came or the stream ended. */
    Optional<Event> next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == END) {
                events.add(END); // stays ended for the next caller
                return Optional.empty();
            }
            return Optional.ofNullable(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Hangs up. */
    @Override
    public void close() {
        lines.close();
        reader.interrupt();
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = null;
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    name = null;
                    data = null;
                } else if (line.startsWith("id:")) {
                    id = value(line);
                } else if (line.startsWith("event:")) {
                    name = value(line);
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder(value(line)) : data.append('\n').append(value(line));
                }
                // Comments (":heartbeat") and retry lines carry nothing a test needs.
            }
        } catch (UncheckedIOException hungUp) {
            // Closed by us or by the server: either way the stream is over.
        } finally {
            events.add(END);
        }
    }

    private static String value(String line) {
        String value = line.substring(line.indexOf(':') + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }
}
