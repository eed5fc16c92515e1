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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
    private volatile Answer answer;
    private volatile Duration delay = Duration.ZERO;

    private FakeUpstream(String name) throws IOException {
        this.name = name;
        this.answer = defaultAnswer();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        // One thread per request, so that a slow answer does not hold up the next request.
        server.setExecutor(executor);
        server.start();
    }

    static FakeUpstream start(String name) {
        try {
            return new FakeUpstream(name);
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

    void reset() {
        received.clear();
        answer = defaultAnswer();
        delay = Duration.ZERO;
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

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
