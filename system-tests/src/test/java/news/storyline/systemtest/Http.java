package news.storyline.systemtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Plain HTTP for system tests, JSON in and out: what a client of the public API would send, nothing more. Requests
 * go to 127.0.0.1 only; anything else is refused, so a test can never reach a machine it does not own.
 */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            // HTTP/1.1 only: the JDK client would otherwise try an h2c upgrade that the services do not need.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Http() {
    }

    public static Response get(String url) {
        return send("GET", url, null, Map.of());
    }

    public static Response get(String url, Map<String, String> headers) {
        return send("GET", url, null, headers);
    }

    public static Response post(String url, Object json) {
        return send("POST", url, json, Map.of());
    }

    public static Response post(String url, Object json, Map<String, String> headers) {
        return send("POST", url, json, headers);
    }

    public static Response put(String url, Object json, Map<String, String> headers) {
        return send("PUT", url, json, headers);
    }

    public static Response delete(String url, Map<String, String> headers) {
        return send("DELETE", url, null, headers);
    }

    /**
     * Sends one request. {@code json} is sent as is when it is a {@link String} (so a test can send exactly the bytes
     * of the contract, or malformed JSON), serialized with Jackson otherwise, and omitted when null.
     */
    public static Response send(String method, String url, Object json, Map<String, String> headers) {
        return send(method, url, json, headers, REQUEST_TIMEOUT);
    }

    /** As {@link #send(String, String, Object, Map)}, giving up after {@code timeout}. */
    public static Response send(String method, String url, Object json, Map<String, String> headers, Duration timeout) {
        URI uri = loopbackOnly(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        headers.forEach(request::header);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, HttpRequest.BodyPublishers.ofString(asJson(json), StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return Response.of(method + " " + url, response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + url, e);
        }
    }

    /** {@code headers} and one more (replacing one of the same name): a new map; {@code headers} stays as it is. */
    public static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return more;
    }

    /** {@code json} parsed, for JSON that arrives other than as a response body (say, stored event metadata). */
    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + json, e);
        }
    }

    private static URI loopbackOnly(String url) {
        URI uri = URI.create(url);
        if (!"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalArgumentException("System tests talk to 127.0.0.1 only, not " + uri.getHost() + " (" + url + ")");
        }
        return uri;
    }

    private static String asJson(Object json) {
        if (json instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize " + json, e);
        }
    }

    /**
     * An answer: status, headers, the body as text and, when the body is JSON, parsed. {@link #toString()} shows
     * all of it, so {@code assertThat(r.status()).as(r.toString())} explains a failure by itself.
     */
    public record Response(String request, int status, HttpHeaders headers, String text, JsonNode json) {

        static Response of(String request, HttpResponse<byte[]> response) {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            return new Response(request, response.statusCode(), response.headers(), text, parse(contentType, text));
        }

        private static JsonNode parse(String contentType, String text) {
            if (!contentType.contains("json") || text.isBlank()) {
                return null;
            }
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException notJson) {
                // Kept as text: a test asserting on the body then fails with the text in its message.
                return null;
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        /** The parsed JSON body; fails with the whole response when there is none. */
        public JsonNode body() {
            if (json == null) {
                throw new AssertionError("Expected a JSON body: " + this);
            }
            return json;
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + headers.map() + " " + text;
        }
    }
}
