package news.storyline.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import news.storyline.trust.Caller;
import news.storyline.trust.CallerTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A client of a service's HTTP API as its callers see it: every answer, whatever its status, comes back as a
 * {@link ResponseEntity} with the JSON body read, so that tests assert on refusals as on successes. Like the gateway,
 * it sends each request with a fresh caller token ({@link TestCallers}) for its caller, unless it has none.
 */
public final class Api {

    private final int port;
    private final RestClient http;

    private Api(int port, Caller caller) {
        this.port = port;
        RestClient.Builder http = RestClient.builder()
                                            .baseUrl("http://127.0.0.1:" + port)
                                            .defaultStatusHandler(status -> true, (request, response) -> { });
        if (caller != null) {
            // Minted per request: a token lives a minute, a test class's Api much longer.
            http.requestInterceptor((request, body, execution) -> {
                request.getHeaders().set(CallerTokens.HEADER, TestCallers.tokenFor(caller));
                return execution.execute(request, body);
            });
        }
        this.http = http.build();
    }

    /**
     * The service listening on the loopback interface at {@code port}, called for {@link TestCallers#EDITOR}; a
     * {@link ServiceIT} may autowire its own.
     */
    public static Api on(int port) {
        return new Api(port, TestCallers.EDITOR);
    }

    /** The same service, called for {@code caller}. */
    public Api as(Caller caller) {
        return new Api(port, caller);
    }

    /** The same service, called without a caller token, as by someone who bypassed the gateway. */
    public Api withoutCaller() {
        return new Api(port, null);
    }

    /** The underlying client, for requests the methods below do not make (another content type, a streamed body). */
    public RestClient http() {
        return http;
    }

    public ResponseEntity<JsonNode> get(String path) {
        return send(HttpMethod.GET, path, null, null);
    }

    public ResponseEntity<JsonNode> post(String path, String body) {
        return send(HttpMethod.POST, path, null, body);
    }

    public ResponseEntity<JsonNode> put(String path, String ifMatch, String body) {
        return send(HttpMethod.PUT, path, ifMatch, body);
    }

    public ResponseEntity<JsonNode> send(HttpMethod method, String path, String ifMatch, String body) {
        return send(method, path, ifMatch, body, HttpHeaders.EMPTY);
    }

    /**
     * Sends {@code body} (when not {@code null}) as JSON, with {@code If-Match: ifMatch} (when not {@code null}) and
     * the other {@code headers}.
     */
    public ResponseEntity<JsonNode> send(HttpMethod method, String path, String ifMatch, String body,
                                         HttpHeaders headers) {
        RestClient.RequestBodySpec request = http.method(method).uri(path).headers(sent -> {
            sent.addAll(headers);
            if (ifMatch != null) {
                sent.set(HttpHeaders.IF_MATCH, ifMatch);
            }
        });
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }
}
