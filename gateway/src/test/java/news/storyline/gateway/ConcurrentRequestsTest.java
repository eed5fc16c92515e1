package news.storyline.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many writes at once, each waiting on a slow service, are all passed on: the gateway limits what a user may send
 * (rate limits) and how long a call may take (time limits, circuit breakers), not how many calls may be under way.
 * (Resilience4j's bulkhead, on by default, let 25 through and answered the rest with a 500.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "storyline.rate-limits.writes.capacity=1000",
        "storyline.rate-limits.writes.refill-per-second=1000"})
class ConcurrentRequestsTest extends GatewayTest {

    private static final int WRITERS = 40;

    @Test
    void fortyWritesUnderWayAtOnceAllReachTheService() {
        STORY.delayAnswers(Duration.ofMillis(500));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = TestTokens.bearer(ALL_ROLES);

        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, WRITERS).mapToObj(i ->
                http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stories"))
                        .header(HttpHeaders.AUTHORIZATION, token)
                        .header(HttpHeaders.CONTENT_TYPE, "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"headline\": \"" + i + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString())).toList();

        assertThat(answers).extracting(answer -> answer.join().statusCode()).containsOnly(200);
        assertThat(STORY.received()).hasSize(WRITERS);
    }
}
