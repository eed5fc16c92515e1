package news.storyline.brief.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook's receiver on a free loopback port: answers each request as scripted (a status, or no answer for a
 * while), otherwise with its standing status, and remembers every request it got.
 */
final class WebhookReceiver implements AutoCloseable {

    /** A request as it arrived, and the status it was answered with; {@code answered} is false for a stall. */
    record Received(String body, String signature, String contentType, int status, boolean answered) {

        boolean accepted() {
            return answered && status >= 200 && status < 300;
        }
    }

    private sealed interface Answer permits Status, Stall {
    }

    private record Status(int code) implements Answer {
    }

    private record Stall(Duration time) implements Answer {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int standing = 204;

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static WebhookReceiver start() throws IOException {
        return new WebhookReceiver();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Answers the next requests with these statuses, one each. */
    WebhookReceiver thenAnswer(int... statuses) {
        for (int status : statuses) {
            script.add(new Status(status));
        }
        return this;
    }

    /** Keeps the next request waiting this long before answering, as a receiver that hangs. */
    WebhookReceiver thenStall(Duration time) {
        script.add(new Stall(time));
        return this;
    }

    /** Answers with {@code status} whatever the script does not cover. */
    WebhookReceiver otherwiseAnswer(int status) {
        standing = status;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<String> acceptedBodies() {
        return received.stream().filter(Received::accepted).map(Received::body).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Answer answer = script.poll();
        if (answer == null) {
            answer = new Status(standing);
        }
        String signature = exchange.getRequestHeaders().getFirst("X-Storyline-Signature");
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (answer instanceof Stall stall) {
            received.add(new Received(body, signature, contentType, 0, false));
            sleep(stall.time());
            exchange.close();
            return;
        }
        int status = ((Status) answer).code();
        received.add(new Received(body, signature, contentType, status, true));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void sleep(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
