package news.storyline.examples.subscriber;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code GET /api/events?after=&limit=} as the feed contract describes it, on a free loopback port, over events
 * appended by the test; refuses a request without the expected bearer token, and fails requests on demand.
 */
final class FakeFeed implements AutoCloseable {

    static final String TOKEN = "subscriber-token";

    /** A request the feed answered: when, after which position, and with which status. */
    record Request(long at, long after, int status) {
    }

    private final HttpServer server;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Queue<Integer> failures = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeFeed() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/events", this::page);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Appends events at the next positions. */
    void append(int count) {
        for (int n = 0; n < count; n++) {
            long position = events.size() + 1;
            events.add("{\"specversion\":\"1.0\",\"id\":\"event-" + position + "\",\"source\":\"/storyline/stories/s"
                       + position + "\",\"type\":\"news.storyline.story.filed.v1\",\"subject\":\"s" + position
                       + "\",\"position\":" + position + ",\"data\":{\"headline\":\"Заглавие\"}}");
        }
    }

    /** Answers the next requests with these statuses instead of a page. */
    void failNext(int... statuses) {
        for (int status : statuses) {
            failures.add(status);
        }
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void page(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        long after = Long.parseLong(query.getOrDefault("after", "0"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        Integer failure = failures.poll();
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            failure = 401;
        }
        if (failure != null) {
            requests.add(new Request(System.nanoTime(), after, failure));
            answer(exchange, failure, "{\"type\":\"https://storyline.news/problems/" + problemType(failure)
                                      + "\",\"status\":" + failure + "}");
            return;
        }
        requests.add(new Request(System.nanoTime(), after, 200));
        List<String> snapshot = List.copyOf(events);
        int from = (int) Math.min(after, snapshot.size());
        int to = Math.min(from + limit, snapshot.size());
        long next = Math.max(after, to);
        answer(exchange, 200, "{\"events\":[" + String.join(",", snapshot.subList(from, to)) + "],\"next\":" + next
                              + ",\"head\":" + snapshot.size() + "}");
    }

    private static String problemType(int status) {
        return switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            default -> "unavailable";
        };
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
