package news.storyline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.LongConsumer;

/** A full read-model rebuild ({@code POST /api/admin/rebuilds}, as an admin), followed until it is done. */
final class Rebuilds {

    /**
     * @param status          DONE, FAILED, or the status it had when the bench stopped waiting
     * @param replayed        events the rebuild applied
     * @param seconds         from its start to its end (or to when the bench stopped waiting)
     * @param eventsPerSecond replayed over seconds
     */
    record Result(String status, long replayed, double seconds, double eventsPerSecond) {
    }

    private static final Duration POLL = Duration.ofMillis(250);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http http;
    private final URI gateway;
    private final Map<String, String> admin;

    Rebuilds(Http http, URI gateway, Tokens tokens) {
        this.http = http;
        this.gateway = gateway;
        this.admin = Map.of("Authorization", "Bearer " + tokens.user("bench-admin", "admin"));
    }

    /** Starts a rebuild and follows it for at most {@code limit}; {@code progress} hears the events replayed. */
    Result run(Duration limit, LongConsumer progress) throws InterruptedException {
        HttpResponse<String> started = http.post(gateway.resolve("/api/admin/rebuilds"), admin, "{}");
        if (started.statusCode() != 202) {
            return new Result("NOT STARTED (" + started.statusCode() + ")", 0, 0, 0);
        }
        URI rebuild = gateway.resolve(started.headers().firstValue("Location").orElseThrow());
        long begun = System.nanoTime();
        long deadline = begun + limit.toNanos();
        JsonNode state = read(started.body());
        while (state.path("finishedAt").isMissingNode() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            HttpResponse<String> answer = http.get(rebuild, admin);
            if (Http.ok(answer)) {
                state = read(answer.body());
                progress.accept(state.path("replayed").asLong());
            }
        }
        long replayed = state.path("replayed").asLong();
        double seconds = state.path("finishedAt").isMissingNode()
                ? (System.nanoTime() - begun) / 1e9
                : Duration.between(Instant.parse(state.path("startedAt").asText()),
                                   Instant.parse(state.path("finishedAt").asText())).toMillis() / 1000.0;
        return new Result(state.path("status").asText(), replayed, Math.round(seconds * 100) / 100.0,
                          seconds > 0 ? Math.round(replayed / seconds) : 0);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("Not a rebuild: " + body, e);
        }
    }
}
