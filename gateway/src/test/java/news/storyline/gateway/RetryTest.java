package news.storyline.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

import java.util.Map;

import static news.storyline.gateway.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries: reads, and writes that carry an Idempotency-Key, are sent again after a 502 or a lost connection;
 * a write without the key never is, nor anything after another error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class RetryTest extends GatewayTest {

    private static final String STORY_JSON = "{\"headline\":\"Пхенян\"}";

    @Test
    void aReadIsRetriedAfterABadGateway() {
        BRIEF.failNext(1, 502);
        client.get().uri("/api/briefs").exchange().expectStatus().isOk();
        assertThat(BRIEF.received()).hasSize(2);

        BRIEF.reset();
        BRIEF.failNext(1, 502);
        client.head().uri("/api/threads").exchange().expectStatus().isOk();
        assertThat(BRIEF.received()).hasSize(2);
    }

    /** A service's 503 is its own answer: a read with minVersion has waited its bound there already. */
    @Test
    void aServicesUnavailableAnswerIsPassedOnNotRetried() {
        BRIEF.answerWith(503, Map.of("Content-Type", "application/problem+json", "Retry-After", "1"),
                "{\"status\":503}");
        client.get().uri("/api/stories/x?minVersion=3").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "1");
        assertThat(BRIEF.received()).hasSize(1);

        STORY.answerWith(503, Map.of("Content-Type", "application/problem+json"), "{\"status\":503}");
        client.post().uri("/api/stories").header("Idempotency-Key", "k-503")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(STORY_JSON)
                .exchange().expectStatus().isEqualTo(503);
        assertThat(STORY.received()).hasSize(1);
    }

    @Test
    void aReadIsRetriedAfterTheConnectionWasLost() {
        BRIEF.failNext(1, 0);
        client.get().uri("/api/briefs").exchange().expectStatus().isOk();
        assertThat(BRIEF.received()).hasSize(2);
    }

    @Test
    void aReadIsNotRetriedAfterAnInternalError() {
        BRIEF.failNext(1, 500);
        client.get().uri("/api/briefs").exchange().expectStatus().isEqualTo(500);
        assertThat(BRIEF.received()).hasSize(1);
    }

    @Test
    void aReadIsTriedAFewTimesOnlyThenTheAnswerPassesThrough() {
        BRIEF.failNext(10, 502);
        client.get().uri("/api/briefs").exchange().expectStatus().isEqualTo(502);
        assertThat(BRIEF.received()).hasSize(3);
    }

    @Test
    void aWriteWithAnIdempotencyKeyIsRetriedWithTheSameBody() {
        STORY.failNext(1, 502);
        client.post().uri("/api/stories").header("Idempotency-Key", "k-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(STORY_JSON)
                .exchange().expectStatus().isOk();

        assertThat(STORY.received()).hasSize(2).allSatisfy(request -> {
            assertThat(request.bodyText()).isEqualTo(STORY_JSON);
            assertThat(request.headers().getFirst("Idempotency-Key")).isEqualTo("k-1");
        });
    }

    @Test
    void aWriteWithoutAnIdempotencyKeyIsNeverRetried() {
        STORY.failNext(1, 502);
        client.post().uri("/api/stories").contentType(MediaType.APPLICATION_JSON).bodyValue(STORY_JSON)
                .exchange().expectStatus().isEqualTo(502);
        assertThat(STORY.received()).hasSize(1);

        STORY.reset();
        STORY.failNext(1, 0);
        assertProblem(client.put().uri("/api/stories/x").contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(STORY_JSON).exchange(), 502, "upstream-connection-lost");
        assertThat(STORY.received()).hasSize(1);
    }
}
