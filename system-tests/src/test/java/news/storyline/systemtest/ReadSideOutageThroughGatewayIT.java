package news.storyline.systemtest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static news.storyline.systemtest.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * brief-service goes down and comes back: meanwhile readers get a prompt 503 problem (never a hang), editors go on
 * filing, and once it is back, reads recover by themselves and the story filed during the outage is there.
 */
class ReadSideOutageThroughGatewayIT {

    /** The gateway's bound for a service that does not answer at all, with room for a loaded machine. */
    private static final Duration PROMPT = Duration.ofSeconds(5);

    private static StorylineStack stack;

    @BeforeAll
    static void startStack() {
        stack = StorylineStack.shared();
    }

    @Test
    void readsFailFastWhileTheReadSideIsDownAndRecoverWhenItReturns() {
        String briefs = stack.gatewayUrl() + "/api/briefs?limit=50";
        assertThat(Http.get(briefs, stack.as("reader")).status()).isEqualTo(200);

        stack.stop(StorylineStack.BRIEF_SERVICE);
        String filedDuringOutage;
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                Instant asked = Instant.now();
                Http.Response down = Http.get(briefs, stack.as("reader"));
                assertThat(Duration.between(asked, Instant.now())).isLessThan(PROMPT);
                assertProblem(down, 503, "unavailable");
            }
            Http.Response filed = Http.post(stack.gatewayUrl() + "/api/stories", Map.of(
                    "headline", "Новина, подадена докато архивът почива",
                    "lead", "Редакторите продължават да подават новини.",
                    "body", "Читателите ще я видят, когато услугата се върне.",
                    "dateline", Map.of("place", "София"), "language", "bg"), stack.as("editor"));
            assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
            filedDuringOutage = filed.body().path("id").asText();
        } finally {
            stack.start(StorylineStack.BRIEF_SERVICE);
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Http.Response story = Http.get(stack.gatewayUrl() + "/api/stories/" + filedDuringOutage,
                                           stack.as("reader"));
            assertThat(story.status()).as(story.toString()).isEqualTo(200);
        });
        assertThat(Http.get(briefs, stack.as("reader")).status()).isEqualTo(200);
    }
}
