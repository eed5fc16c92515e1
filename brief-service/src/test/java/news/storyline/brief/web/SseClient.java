package news.storyline.brief.web;

import news.storyline.testsupport.TestCallers;
import news.storyline.trust.CallerTokens;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a service's Server-Sent Events as a client would, line by line, over loopback. Every request is built by
 * {@link #request(String)}, the one place to add what every caller sends.
 */
final class SseClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    SseClient(int port) {
        this.port = port;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                          .header("Accept", "text/event-stream")
                          .header(CallerTokens.HEADER, TestCallers.tokenFor(TestCallers.EDITOR));
    }

    /** A stream whose events are read as they come. */
    Stream open(String path) {
        return open(request(path)).reading();
    }

    /** A stream that nobody reads until {@link Stream#reading()}: a stalled consumer. */
    Stream open(HttpRequest.Builder request) {
        try {
            HttpResponse<InputStream> response = http.send(request.GET().build(),
                                                           HttpResponse.BodyHandlers.ofInputStream());
            return new Stream(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One SSE message as read; a heartbeat is a comment alone.
     *
     * @param id    the {@code id} field, or {@code null}
     * @param event the {@code event} field, or {@code null}
     */
    record Message(String id, String event, String data, String comment) {

        static final Message END = new Message(null, null, null, null);

        boolean isHeartbeat() {
            return comment != null && id == null && event == null && data == null;
        }

        long position() {
            return Long.parseLong(id);
        }
    }

    static final class Stream implements AutoCloseable {

        private final HttpResponse<InputStream> response;
        private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();

        private Stream(HttpResponse<InputStream> response) {
            this.response = response;
        }

        HttpResponse<InputStream> response() {
            return response;
        }

        /** Starts reading, on a thread of its own, until the server ends the stream or the client closes it. */
        Stream reading() {
            Thread reader = new Thread(this::read, "sse-client");
            reader.setDaemon(true);
            reader.start();
            return this;
        }

        /** The next message that is not a heartbeat, or {@link Message#END} when the stream ended. */
        Message next(Duration wait) throws InterruptedException {
            while (true) {
                Message message = nextMessage(wait);
                if (!message.isHeartbeat()) {
                    return message;
                }
            }
        }

        /** The next message, heartbeats included; fails when none comes within {@code wait}. */
        Message nextMessage(Duration wait) throws InterruptedException {
            Message message = messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("No message within " + wait);
            }
            return message;
        }

        @Override
        public void close() throws IOException {
            response.body().close();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                                                                                  StandardCharsets.UTF_8))) {
                String id = null;
                String event = null;
                String comment = null;
                StringBuilder data = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (id != null || event != null || data != null || comment != null) {
                            messages.add(new Message(id, event, data == null ? null : data.toString(), comment));
                        }
                        id = null;
                        event = null;
                        comment = null;
                        data = null;
                    } else if (line.startsWith(":")) {
                        comment = line.substring(1).trim();
                    } else if (line.startsWith("id:")) {
                        id = value(line);
                    } else if (line.startsWith("event:")) {
                        event = value(line);
                    } else if (line.startsWith("data:")) {
                        data = data == null ? new StringBuilder(value(line)) : data.append('\n').append(value(line));
                    }
                }
            } catch (IOException closed) {
                // closed by the test, or the server went away: either way the stream ends here
            } finally {
                messages.add(Message.END);
            }
        }

        private static String value(String line) {
            String value = line.substring(line.indexOf(':') + 1);
            return value.startsWith(" ") ? value.substring(1) : value;
        }
    }
}
