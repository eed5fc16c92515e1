package news.storyline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/** The bench's one HTTP client: HTTP/1.1 over loopback, every request with a time limit. */
final class Http {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Longer than the gateway's own limit on a write (15 s), so its 504 is what a stuck request shows. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder()
                                                .version(HttpClient.Version.HTTP_1_1)
                                                .connectTimeout(CONNECT_TIMEOUT)
                                                .build();

    HttpResponse<String> get(URI uri, Map<String, String> headers) {
        return send(request(uri, headers).GET().build());
    }

    HttpResponse<String> post(URI uri, Map<String, String> headers, String json) {
        return send(request(uri, headers).header("Content-Type", "application/json")
                                         .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * For streams: the body is read line by line by the caller, for as long as it wants (the time limit is on the
     * answer's headers only); closing the lines ends the connection.
     */
    HttpResponse<Stream<String>> stream(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                                                 .header("Accept", "text/event-stream");
        headers.forEach(builder::header);
        return send(builder.GET().build(), HttpResponse.BodyHandlers.ofLines());
    }

    private static HttpRequest.Builder request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
        headers.forEach(builder::header);
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    static boolean ok(HttpResponse<?> response) {
        return response.statusCode() / 100 == 2;
    }
}
