package news.storyline.examples.subscriber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pages of the event feed, {@code GET <base>/api/events?after=&limit=}, with a bearer token. A refused token
 * (401, 403) is a {@link FeedRefusedException}; any other failure a {@link FeedUnavailableException}, worth retrying.
 */
public final class FeedClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;
    private final String token;
    private final int limit;

    /**
     * @param base  the gateway, such as {@code http://127.0.0.1:8080}
     * @param token a bearer token of a role that may read the feed (subscriber)
     * @param limit events a page, 1 to 1000
     */
    public FeedClient(URI base, String token, int limit) {
        this.base = base;
        this.token = token;
        this.limit = limit;
    }

    /**
     * The events after {@code position}.
     *
     * @throws FeedRefusedException    the token is refused: retrying with it would not help
     * @throws FeedUnavailableException no page this time (no answer, another status, not a page): worth retrying
     */
    public FeedPage after(long position)
            throws FeedRefusedException, FeedUnavailableException, InterruptedException {
        URI uri = base.resolve("/api/events?after=" + position + "&limit=" + limit);
        HttpRequest request = HttpRequest.newBuilder(uri)
                                         .timeout(ANSWER_TIMEOUT)
                                         .header("Accept", "application/json")
                                         .header("Authorization", "Bearer " + token)
                                         .GET()
                                         .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException unreachable) {
            throw new FeedUnavailableException("No answer from " + uri + ": " + unreachable, unreachable);
        }
        if (response.statusCode() == UNAUTHORIZED) {
            throw new FeedRefusedException(UNAUTHORIZED, uri + " answered 401: the bearer token is missing, malformed "
                    + "or expired; a new token is needed, retrying with this one would not help. " + response.body());
        }
        if (response.statusCode() == FORBIDDEN) {
            throw new FeedRefusedException(FORBIDDEN, uri + " answered 403: the bearer token's roles may not read the "
                    + "feed (it needs the subscriber role); retrying with this one would not help. " + response.body());
        }
        if (response.statusCode() != 200) {
            throw new FeedUnavailableException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return page(response.body());
    }

    private FeedPage page(String body) throws FeedUnavailableException {
        JsonNode page;
        try {
            page = json.readTree(body);
        } catch (IOException notJson) {
            throw new FeedUnavailableException("Not a page of the feed: " + body, notJson);
        }
        if (!page.path("events").isArray() || !page.path("next").canConvertToLong()
            || !page.path("head").canConvertToLong()) {
            throw new FeedUnavailableException("Not a page of the feed: " + body);
        }
        List<JsonNode> events = new ArrayList<>();
        page.get("events").forEach(events::add);
        return new FeedPage(events, page.get("next").asLong(), page.get("head").asLong());
    }
}
