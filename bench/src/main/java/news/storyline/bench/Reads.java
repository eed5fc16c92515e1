package news.storyline.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The reads a newsroom makes all day, through the gateway as a reader, one after another (latency, not
 * throughput): the first page of a thread's timeline, the first page of briefs, a search, one story.
 */
final class Reads {

    /** A search every seeded story matches (all words, the last as a prefix), so it grows with the store. */
    static final String SEARCH = "Кремъл мирните преговори";
    private static final int PAGE = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The suffix of a read made straight at brief-service, the reference for the same read through the gateway. */
    static final String DIRECT = " direct";

    private final Http http;
    private final URI gateway;
    private final URI briefService;
    private final Tokens tokens;
    private final Map<String, String> reader;

    Reads(Http http, URI gateway, URI briefService, Tokens tokens) {
        this.http = http;
        this.gateway = gateway;
        this.briefService = briefService;
        this.tokens = tokens;
        this.reader = Map.of("Authorization", "Bearer " + tokens.user("bench-reader", "reader"));
    }

    /**
     * p50/p99 of each kind of read, {@code count} of each, none taking the kind past {@code limit}; the timeline and
     * the story are also read straight at brief-service, with the caller token the gateway would relay (minted per
     * request, as the gateway does), so that the gateway's share of a read's cost shows.
     */
    Map<String, Latencies> measure(String thread, String storyId, int count, Duration limit) {
        String timeline = "/api/threads/" + thread + "/timeline?limit=" + PAGE;
        String story = "/api/stories/" + storyId;
        Supplier<Map<String, String>> viaGateway = () -> reader;
        Supplier<Map<String, String>> direct = () -> Map.of("X-Storyline-Caller", tokens.caller("bench-reader",
                                                                                                "reader"));
        Map<String, Latencies> latencies = new LinkedHashMap<>();
        latencies.put("timeline", timed(gateway.resolve(timeline), viaGateway, count, limit));
        latencies.put("timeline" + DIRECT, timed(briefService.resolve(timeline), direct, count, limit));
        latencies.put("briefs", timed(gateway.resolve("/api/briefs?limit=" + PAGE), viaGateway, count, limit));
        latencies.put("search", timed(gateway.resolve("/api/search?q=" + URLEncoder.encode(SEARCH,
                                                                                            StandardCharsets.UTF_8)),
                                      viaGateway, count, limit));
        latencies.put("story", timed(gateway.resolve(story), viaGateway, count, limit));
        latencies.put("story" + DIRECT, timed(briefService.resolve(story), direct, count, limit));
        return latencies;
    }

    /**
     * Whether brief-service has projected the story up to {@code version} into the story read model (it answers at
     * once or within 3 s) and the thread's timeline holds {@code entries} entries: two processors that each project
     * in order, so everything written before is in both.
     */
    boolean projected(String storyId, long version, String thread, long entries) {
        try {
            HttpResponse<String> story = http.get(gateway.resolve("/api/stories/" + storyId + "?minVersion="
                                                                          + version), reader);
            HttpResponse<String> summary = http.get(gateway.resolve("/api/threads/" + thread), reader);
            return Http.ok(story) && Http.ok(summary)
                    && JSON.readTree(summary.body()).path("entries").asLong() >= entries;
        } catch (RuntimeException | JsonProcessingException e) {
            return false;
        }
    }

    private Latencies timed(URI uri, Supplier<Map<String, String>> headers, int count, Duration limit) {
        Samples samples = new Samples(count);
        long end = System.nanoTime() + limit.toNanos();
        for (int i = 0; i < count && System.nanoTime() < end; i++) {
            Map<String, String> sentHeaders = headers.get();
            long sent = System.nanoTime();
            HttpResponse<String> answer = http.get(uri, sentHeaders);
            if (!Http.ok(answer)) {
                throw new IllegalStateException("GET " + uri + " answered " + answer.statusCode() + ": "
                                                        + answer.body());
            }
            samples.add(System.nanoTime() - sent);
        }
        return samples.summary();
    }
}
