package news.storyline.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries: reads, and writes that carry an Idempotency-Key, are sent again after a 502/503 or a lost connection;
 * a write without the key never is, nor anything after another error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class RetryTest extends GatewayTest {

    private static final String STORY_JSON = "{\"headline\":\"Пхенян\"}";

    @Test
    void aReadIsRetriedAfterAnUnavailableAnswer() {
        BRIEF.failNext(1, 503);
        client.get().uri("/api/briefs").exchange().expectStatus().isOk();
        assertThat(BRIEF.received()).hasSize(2);

        BRIEF.reset();
        BRIEF.failNext(1, 502);
        client.head().uri("/api/threads").exchange().expectStatus().isOk();
        assertThat(BRIEF.received()).hasSize(2);
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
        BRIEF.failNext(10, 503);
        client.get().uri("/api/briefs").exchange().expectStatus().isEqualTo(503);
        assertThat(BRIEF.received()).hasSize(3);
    }

    @Test
    void aWriteWithAnIdempotencyKeyIsRetriedWithTheSameBody() {
        STORY.failNext(1, 503);
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
        STORY.failNext(1, 503);
        client.post().uri("/api/stories").contentType(MediaType.APPLICATION_JSON).bodyValue(STORY_JSON)
                .exchange().expectStatus().isEqualTo(503);
        assertThat(STORY.received()).hasSize(1);

        STORY.reset();
        STORY.failNext(1, 0);
        client.put().uri("/api/stories/x").contentType(MediaType.APPLICATION_JSON).bodyValue(STORY_JSON)
                .exchange().expectStatus().is5xxServerError();
        assertThat(STORY.received()).hasSize(1);
    }
}
