package news.storyline.brief.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import news.storyline.brief.feed.FeedDocuments;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static news.storyline.brief.feed.FeedDocuments.FILED;
import static news.storyline.brief.feed.FeedDocuments.RENAMED;
import static news.storyline.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/events/stream} on the real service. The feed documents are written straight into the feed, as
 * the feed projection would (one position after another, never a hole), so that positions and event sizes are the
 * test's to choose.
 */
@ServiceIT(properties = {"storyline.live.poll=50ms", "storyline.live.heartbeat=500ms", "storyline.live.buffer=100",
                         "storyline.live.max-connections=8", "storyline.live.page=20"})
class EventStreamIT {

    private static final Duration PROMPTLY = Duration.ofSeconds(3);
    private static final String STREAM = "/api/events/stream";

    @Autowired
    Api api;

    @Autowired
    @Qualifier("storylineDatabase")
    MongoDatabase database;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    private FeedDocuments feed;
    private SseClient sse;

    @BeforeEach
    void connect() {
        feed = new FeedDocuments(database);
        sse = new SseClient(port);
    }

    @Test
    void catchesUpThenGoesLiveWithoutAGapOrARepeatWhileEventsAreAppended() throws Exception {
        long base = feed.head();
        for (long position = base + 1; position <= base + 50; position++) {
            feed.filed(position, 0);
        }
        // Appends 50 more while the client connects, two at a time, in order as the feed projection appends.
        Thread appender = new Thread(() -> {
            for (long position = base + 51; position <= base + 100; position += 2) {
                feed.filed(position, 0);
                feed.filed(position + 1, 0);
                pause(Duration.ofMillis(10));
            }
        });
        appender.start();

        try (SseClient.Stream stream = sse.open(STREAM + "?after=" + base)) {
            for (long expected = base + 1; expected <= base + 100; expected++) {
                SseClient.Message message = stream.next(PROMPTLY);
                assertThat(message.id()).as(message.toString()).isEqualTo(Long.toString(expected));
                assertThat(message.event()).isEqualTo(FILED);
                assertThat(json(message.data()).get("position").asLong()).isEqualTo(expected);
            }
        } finally {
            appender.join();
        }
    }

    @Test
    void resumesRightAfterTheLastEventIdOfAReconnect() throws Exception {
        long base = feed.head();
        for (long position = base + 1; position <= base + 10; position++) {
            feed.filed(position, 0);
        }
        long lastSeen;
        try (SseClient.Stream stream = sse.open(STREAM + "?after=" + base)) {
            for (int n = 0; n < 3; n++) {
                stream.next(PROMPTLY);
            }
            lastSeen = stream.next(PROMPTLY).position();
        }

        try (SseClient.Stream stream = sse.open(sse.request(STREAM + "?after=0")
                                                   .header("Last-Event-ID", Long.toString(lastSeen))).reading()) {
            for (long expected = lastSeen + 1; expected <= base + 10; expected++) {
                assertThat(stream.next(PROMPTLY).position()).isEqualTo(expected);
            }
            feed.filed(base + 11, 0);
            assertThat(stream.next(PROMPTLY).position()).isEqualTo(base + 11);
        }
    }

    @Test
    void cutsOffAStalledConsumerWithoutDelayingAnother() throws Exception {
        long base = feed.head();
        double cutOffsBefore = bufferFullCutOffs();
        SseClient.Stream stalled = sse.open(sse.request(STREAM + "?after=" + base));
        try (SseClient.Stream reading = sse.open(STREAM + "?after=" + base)) {
            // Big events fill the socket buffers between the stalled client and its writer, then its buffer of 100.
            long position = base;
            long expected = base + 1;
            while (bufferFullCutOffs() == cutOffsBefore && position < base + 2_000) {
                for (int n = 0; n < 20; n++) {
                    feed.filed(++position, 16_000);
                }
                for (; expected <= position; expected++) {
                    assertThat(reading.next(PROMPTLY).position()).isEqualTo(expected);
                }
            }
            assertThat(bufferFullCutOffs()).isEqualTo(cutOffsBefore + 1);

            feed.filed(++position, 0);
            assertThat(reading.next(PROMPTLY).position()).as("still live after the other's cut-off")
                                                         .isEqualTo(position);
        }

        stalled.reading();
        long delivered = base;
        SseClient.Message message = stalled.next(PROMPTLY);
        while (message.id() != null) {
            assertThat(message.position()).isEqualTo(delivered + 1);
            delivered = message.position();
            message = stalled.next(PROMPTLY);
        }
        assertThat(message.event()).isEqualTo("cut-off");
        JsonNode cutOff = json(message.data());
        assertThat(cutOff.get("reason").asText()).isEqualTo("buffer-full");
        assertThat(cutOff.get("resumeAfter").asLong()).isEqualTo(delivered);
        assertThat(stalled.next(PROMPTLY)).as("the stream ends").isEqualTo(SseClient.Message.END);
    }

    @Test
    void keepsAnIdleStreamOpenWithHeartbeats() throws Exception {
        try (SseClient.Stream stream = sse.open(STREAM + "?after=" + feed.head() + "&thread=nothing-happens-here")) {
            assertThat(stream.nextMessage(PROMPTLY).isHeartbeat()).isTrue();
            assertThat(stream.nextMessage(PROMPTLY).isHeartbeat()).isTrue();
        }
    }

    @Test
    void sendsOnlyTheTypesAndTheThreadAskedFor() throws Exception {
        long base = feed.head();
        feed.filed(base + 1, 0, "ukraine");
        feed.renamed(base + 2, "ukraine", 1);
        feed.filed(base + 3, 0, "gaza");
        feed.renamed(base + 4, "gaza", 1);
        feed.filed(base + 5, 0, "ukraine", "gaza");
        feed.filed(base + 6, 0);

        assertThat(positions("?after=" + base + "&thread=ukraine", 3)).containsExactly(base + 1, base + 2, base + 5);
        assertThat(positions("?after=" + base + "&type=" + RENAMED, 2)).containsExactly(base + 2, base + 4);
        assertThat(positions("?after=" + base + "&type=" + FILED + "&type=" + RENAMED + "&thread=gaza", 3))
                .containsExactly(base + 3, base + 4, base + 5);
    }

    @Test
    void answersWithAnEventStreamThatProxiesPassOnAsItComes() throws Exception {
        try (SseClient.Stream stream = sse.open(STREAM + "?after=" + feed.head())) {
            HttpHeaders headers = headers(stream.response());
            assertThat(stream.response().statusCode()).isEqualTo(200);
            assertThat(headers.getContentType().toString()).startsWith("text/event-stream");
            assertThat(headers.getCacheControl()).isEqualTo("no-cache");
            assertThat(headers.getFirst("X-Accel-Buffering")).isEqualTo("no");
        }
    }

    @Test
    void refusesBadParametersWithAProblemBeforeTheStreamStarts() throws Exception {
        assertProblem(api.get(STREAM + "?after=-1"), 400, "invalid-request");
        assertProblem(api.get(STREAM + "?after=soon"), 400, "invalid-request");
        assertProblem(api.get(STREAM + "?type=news.storyline.story.eaten.v1"), 400, "invalid-request");
        HttpHeaders lastEventId = new HttpHeaders();
        lastEventId.set("Last-Event-ID", "yesterday");
        assertProblem(api.send(HttpMethod.GET, STREAM, null, null, lastEventId), 400, "invalid-request");

        try (SseClient.Stream refused = sse.open(sse.request(STREAM + "?after=-1"))) {
            assertThat(refused.response().statusCode()).as("also for a client that accepts only events")
                                                       .isEqualTo(400);
            assertThat(headers(refused.response()).getContentType()).hasToString("application/problem+json");
        }
    }

    @Test
    void refusesMoreStreamsThanItMayServe() throws Exception {
        List<SseClient.Stream> open = new ArrayList<>();
        HttpResponse<InputStream> refused = null;
        try {
            for (int n = 0; n <= 8 && refused == null; n++) {
                SseClient.Stream stream = sse.open(sse.request(STREAM + "?after=" + feed.head()));
                open.add(stream);
                if (stream.response().statusCode() == 503) {
                    refused = stream.response();
                }
            }
            assertThat(refused).as("the ninth stream at the latest is refused").isNotNull();
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            JsonNode problem = json(new String(refused.body().readAllBytes(), StandardCharsets.UTF_8));
            assertThat(problem.get("type").asText()).isEqualTo("https://storyline.news/problems/unavailable");
        } finally {
            for (SseClient.Stream stream : open) {
                stream.close();
            }
        }
        // The server learns that a client left at its next write, a heartbeat at the latest.
        await().atMost(PROMPTLY).until(() -> meters.get("storyline.live.streams").gauge().value() == 0);
    }

    private List<Long> positions(String query, int count) throws Exception {
        List<Long> positions = new ArrayList<>();
        try (SseClient.Stream stream = sse.open(STREAM + query)) {
            for (int n = 0; n < count; n++) {
                positions.add(stream.next(PROMPTLY).position());
            }
            assertThat(stream.nextMessage(PROMPTLY).isHeartbeat()).as("and nothing else").isTrue();
        }
        return positions;
    }

    private double bufferFullCutOffs() {
        Counter counter = meters.find("storyline.live.cutoffs").tag("reason", "buffer-full").counter();
        return counter == null ? 0 : counter.count();
    }

    private static HttpHeaders headers(HttpResponse<?> response) {
        HttpHeaders headers = new HttpHeaders();
        response.headers().map().forEach(headers::addAll);
        return headers;
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
