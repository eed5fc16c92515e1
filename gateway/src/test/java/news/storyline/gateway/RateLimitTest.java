package news.storyline.gateway;

import news.storyline.trust.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static news.storyline.gateway.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Rate limits per token subject, reads and writes apart. Buckets refill slowly here, so none refills mid-test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "storyline.cors.allowed-origin=https://dashboard.example",
        "storyline.rate-limits.reads.capacity=3",
        "storyline.rate-limits.reads.refill-per-second=0.2",
        "storyline.rate-limits.writes.capacity=2",
        "storyline.rate-limits.writes.refill-per-second=0.25"})
class RateLimitTest extends GatewayTest {

    @Test
    void readsOverTheLimitAreARateLimitedProblemWithRetryAfter() {
        WebTestClient reader = clientWithToken(TestTokens.bearer(Roles.READER));
        for (int i = 0; i < 3; i++) {
            reader.get().uri("/api/briefs").exchange().expectStatus().isOk();
        }
        WebTestClient.ResponseSpec limited = reader.get().uri("/api/briefs")
                .header(HttpHeaders.ORIGIN, "https://dashboard.example").exchange();
        assertProblem(limited, 429, "rate-limited");
        // One token every 5 s; the CORS and security headers are on the refusal too.
        limited.expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter ->
                        assertThat(Integer.parseInt(retryAfter)).isBetween(4, 5))
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://dashboard.example")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
        assertThat(BRIEF.received()).hasSize(3);

        // Another subject has its own bucket.
        clientWithToken("Bearer " + TestTokens.token("another-reader", Roles.READER)).get().uri("/api/briefs")
                .exchange().expectStatus().isOk();
    }

    @Test
    void exhaustingWritesLeavesReadsAlone() {
        WebTestClient editor = clientWithToken("Bearer " + TestTokens.token("busy-editor", Roles.EDITOR));
        for (int i = 0; i < 2; i++) {
            editor.post().uri("/api/stories").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectStatus().isOk();
        }
        String detail = assertProblem(editor.put().uri("/api/stories/x").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange(), 429, "rate-limited").path("detail").asText();
        assertThat(detail).contains("writes");
        assertThat(STORY.received()).hasSize(2);

        editor.get().uri("/api/stories/x").exchange().expectStatus().isOk();
    }

    @Test
    void aRefusedTokenCostsNothing() {
        String subject = "patient-reader";
        for (int i = 0; i < 5; i++) {
            clientWithToken("Bearer " + TestTokens.token(subject)).get().uri("/api/briefs")
                    .exchange().expectStatus().isForbidden();
        }
        clientWithToken("Bearer " + TestTokens.token(subject, Roles.READER)).get().uri("/api/briefs")
                .exchange().expectStatus().isOk();
    }
}
