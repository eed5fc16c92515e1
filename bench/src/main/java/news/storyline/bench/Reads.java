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

/**
 * The reads a newsroom makes all day, through the gateway as a reader, one after another (latency, not
 * throughput): the first page of a thread's timeline, the first page of briefs, a search, one story.
 */
final class Reads {

    /** A search every seeded story matches (all words, the last as a prefix), so it grows with the store. */
    static final String SEARCH = "Кремъл мирните преговори";
    private static final int PAGE = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http http;
    private final URI gateway;
    private final Map<String, String> reader;

    Reads(Http http, URI gateway, Tokens tokens) {
        this.http = http;
        this.gateway = gateway;
        this.reader = Map.of("Authorization", "Bearer " + tokens.user("bench-reader", "reader"));
    }

    /** p50/p99 of each kind of read, {@code count} of each, none taking the kind past {@code limit}. */
    Map<String, Latencies> measure(String thread, String storyId, int count, Duration limit) {
        Map<String, URI> reads = new LinkedHashMap<>();
        reads.put("timeline", gateway.resolve("/api/threads/" + thread + "/timeline?limit=" + PAGE));
        reads.put("briefs", gateway.resolve("/api/briefs?limit=" + PAGE));
        reads.put("search", gateway.resolve("/api/search?q=" + URLEncoder.encode(SEARCH, StandardCharsets.UTF_8)));
        reads.put("story", gateway.resolve("/api/stories/" + storyId));
        Map<String, Latencies> latencies = new LinkedHashMap<>();
        reads.forEach((kind, uri) -> latencies.put(kind, timed(uri, count, limit)));
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

    private Latencies timed(URI uri, int count, Duration limit) {
        Samples samples = new Samples(count);
        long end = System.nanoTime() + limit.toNanos();
        for (int i = 0; i < count && System.nanoTime() < end; i++) {
            long sent = System.nanoTime();
            HttpResponse<String> answer = http.get(uri, reader);
            if (!Http.ok(answer)) {
                throw new IllegalStateException("GET " + uri + " answered " + answer.statusCode() + ": "
                                                        + answer.body());
            }
            samples.add(System.nanoTime() - sent);
        }
        return samples.summary();
    }
}
