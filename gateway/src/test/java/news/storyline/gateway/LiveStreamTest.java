package news.storyline.gateway;

import news.storyline.trust.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live streams (SSE) pass through as they come: an event reaches the client while the service is still streaming
 * (the service sends the last event only once the client has the first), and a stream outlives both the reads'
 * time limit and the response timeout, which are 1 s here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "storyline.resilience.timeouts.reads=1s",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s"})
class LiveStreamTest extends GatewayTest {

    @Test
    void aThreadsLiveEventsArriveBeforeTheStreamEndsAndOutliveTheReadTimeLimit() {
        assertStreamedUnbuffered(clientWithToken(TestTokens.bearer(Roles.READER)), "/api/threads/ukraine/live");
        assertThat(BRIEF.received()).singleElement()
                .satisfies(request -> assertThat(request.path()).isEqualTo("/api/threads/ukraine/live"));
    }

    @Test
    void theEventFeedStreamsToo() {
        assertStreamedUnbuffered(clientWithToken(TestTokens.bearer(Roles.SUBSCRIBER)), "/api/events/stream");
    }

    private static void assertStreamedUnbuffered(WebTestClient client, String path) {
        CountDownLatch finish = new CountDownLatch(1);
        BRIEF.streamEvents("data: first\n\n", finish, "data: last\n\n");

        var events = client.get().uri(path).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();

        StepVerifier.create(events)
                .expectNext("first")
                .then(() -> {
                    sleep(Duration.ofMillis(1500));
                    finish.countDown();
                })
                .expectNext("last")
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
