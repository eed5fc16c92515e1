package news.storyline.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.Duration;

import static news.storyline.gateway.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Circuit breakers and time limits: a stopped service is a 503 within the bound, and reads come back on their own
 * when it returns; a hanging one is a 504 within the bound; repeated failures open the circuit, which then answers
 * 503 without calling the service. Small numbers here, so that the circuit opens and closes quickly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "storyline.resilience.timeouts.writes=1s",
        "storyline.resilience.circuit-breaker.sliding-window-size=4",
        "storyline.resilience.circuit-breaker.minimum-number-of-calls=4",
        "storyline.resilience.circuit-breaker.wait-in-open-state=1s",
        "storyline.resilience.circuit-breaker.permitted-calls-in-half-open-state=2"})
class ResilienceTest extends GatewayTest {

    @Test
    void aStoppedServiceIsUnavailableWithinTheBoundAndReadsRecoverWhenItReturns() {
        int port = BRIEF.port();
        BRIEF.close();
        for (int i = 0; i < 6; i++) {
            long started = System.nanoTime();
            assertProblem(client.get().uri("/api/briefs").exchange(), 503, "unavailable");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
        client.get().uri("/api/briefs").exchange().expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1");

        BRIEF = FakeUpstream.start("brief-service", port);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                client.get().uri("/api/briefs").exchange().expectStatus().isOk());
        client.get().uri("/api/stories/x").exchange().expectStatus().isOk();
    }

    @Test
    void aHangingServiceIsATimeoutWithinTheBoundAndThenTheCircuitOpens() {
        STORY.delayAnswers(Duration.ofSeconds(5));
        for (int i = 0; i < 4; i++) {
            long started = System.nanoTime();
            assertProblem(client.put().uri("/api/stories/x").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange(), 504, "upstream-timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        }
        assertThat(STORY.received()).hasSize(4);

        // Open: refused at once, and the service is left alone.
        long started = System.nanoTime();
        assertProblem(client.put().uri("/api/stories/x").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange(), 503, "unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        assertThat(STORY.received()).hasSize(4);
        // Only the writes' circuit: reads go on.
        client.get().uri("/api/stories/x").exchange().expectStatus().isOk();
    }
}
