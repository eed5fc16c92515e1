package news.storyline.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code POST /api/stories}, each client as its own editor (a token subject of its own, so that no client shares
 * another's rate-limit bucket): through the gateway with a user's bearer token, or straight at a service with the
 * caller token the gateway would have relayed.
 */
final class StoryWrites {

    private StoryWrites() {
    }

    static String editor(int client) {
        return "bench-editor-" + client;
    }

    /** Through the gateway: one bearer token per client, minted once. */
    static WriteThroughput.Write viaGateway(Http http, URI gateway, Tokens tokens, int clients) {
        List<Map<String, String>> headers = IntStream.range(0, clients)
                                                     .mapToObj(client -> Map.of("Authorization", "Bearer "
                                                             + tokens.user(editor(client), "editor")))
                                                     .toList();
        URI stories = gateway.resolve("/api/stories");
        return (client, n) -> acknowledged(http.post(stories, headers.get(client), StoryText.filing(n)));
    }

    /** Straight at a service that trusts the gateway's caller tokens (story-service, or the peer). */
    static WriteThroughput.Write direct(Http http, URI service, Tokens tokens) {
        URI stories = service.resolve("/api/stories");
        return (client, n) -> acknowledged(http.post(stories, Map.of("X-Storyline-Caller",
                                                                     tokens.caller(editor(client), "editor")),
                                                     StoryText.filing(n)));
    }

    /** True for a 2xx; a refusal throws, so that the cell reports the first one's status and problem. */
    private static boolean acknowledged(HttpResponse<String> answer) {
        if (!Http.ok(answer)) {
            String body = answer.body();
            throw new IllegalStateException(answer.statusCode() + " "
                                                    + body.substring(0, Math.min(200, body.length())));
        }
        return true;
    }
}
