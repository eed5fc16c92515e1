package news.storyline.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a service behind the gateway: records every request it gets and answers with a canned response,
 * so a test can see exactly what the gateway forwarded and what it passed back.
 */
final class FakeUpstream implements AutoCloseable {

    record Received(String method, String path, String query, Headers headers, byte[] body) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    record Answer(int status, Map<String, String> headers, String body) {
    }

    private final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus;
    private volatile Answer answer;
    private volatile Duration delay = Duration.ZERO;
    private volatile EventStream stream;

    /** Server-sent events: {@code first} is sent and flushed at once, {@code last} only when {@code finish} opens. */
    private record EventStream(String first, CountDownLatch finish, String last) {
    }

    private FakeUpstream(String name, int port) throws IOException {
        this.name = name;
        this.answer = defaultAnswer();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        // One thread per request, so that a slow answer does not hold up the next request.
        server.setExecutor(executor);
        server.start();
    }

    static FakeUpstream start(String name) {
        return start(name, 0);
    }

    /** A fake on a given port: a service coming back where it was. */
    static FakeUpstream start(String name, int port) {
        try {
            return new FakeUpstream(name, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the fake " + name, e);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The response every following request gets. */
    void answerWith(int status, Map<String, String> headers, String body) {
        this.answer = new Answer(status, headers, body);
    }

    /** Every following request waits this long before its answer is sent (a slow service). */
    void delayAnswers(Duration delay) {
        this.delay = delay;
    }

    /**
     * The next {@code count} requests get {@code status} with no body, or, for status 0, a connection closed without
     * an answer; the ones after, the usual answer.
     */
    void failNext(int count, int status) {
        this.failureStatus = status;
        this.failuresLeft.set(count);
    }

    /**
     * Every following request gets a {@code text/event-stream}: {@code first} at once, then, once {@code finish}
     * opens, {@code last}, and the end of the stream.
     */
    void streamEvents(String first, CountDownLatch finish, String last) {
        this.stream = new EventStream(first, finish, last);
    }

    void reset() {
        received.clear();
        answer = defaultAnswer();
        delay = Duration.ZERO;
        failuresLeft.set(0);
        stream = null;
    }

    private Answer defaultAnswer() {
        // Names the upstream in header and body, so a test can tell who answered.
        return new Answer(200, Map.of("Content-Type", "application/json", "X-Upstream", name),
                "{\"upstream\":\"" + name + "\"}");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), in.readAllBytes()));
            if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                if (failureStatus > 0) {
                    exchange.sendResponseHeaders(failureStatus, -1);
                }
                return;
            }
            EventStream events = stream;
            if (events != null) {
                sendStream(exchange, events);
                return;
            }
            Answer current = answer;
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            current.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] body = current.body().getBytes(StandardCharsets.UTF_8);
            boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(current.status(), noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static void sendStream(HttpExchange exchange, EventStream events) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(events.first().getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (!events.finish().await(20, TimeUnit.SECONDS)) {
                return;
            }
            out.write(events.last().getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
