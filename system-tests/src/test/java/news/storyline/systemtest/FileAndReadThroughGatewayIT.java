package news.storyline.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import static news.storyline.systemtest.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The first end-to-end path: a story filed through the gateway is read back, and shows up as a brief. */
class FileAndReadThroughGatewayIT {

    /** Read models follow the event store asynchronously; this bounds how long that may take. */
    private static final Duration CONVERGENCE = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private static final String HEADLINE = "Ким Чен-ун обеща на Русия „безусловна подкрепа“";
    private static final String LEAD = "Севернокорейският лидер Ким Чен-ун обеща на Москва „безусловна подкрепа“ "
            + "по отношение на войната в Украйна.";
    private static final String BODY = "Ким се срещна вчера със секретаря на руския Съвет за сигурност Сергей Шойгу в Пхенян.";
    /** Written out, not serialized: these are the exact bytes of the public contract. */
    private static final String STORY = """
            {"headline":"%s","lead":"%s","body":"%s","dateline":{"place":"Пхенян"},"language":"bg","desk":"world"}"""
            .formatted(HEADLINE, LEAD, BODY);

    private static StorylineStack stack;

    @BeforeAll
    static void startStack() {
        stack = StorylineStack.shared();
    }

    @Test
    void aStoryFiledThroughTheGatewayIsReadBackAndBecomesABrief() {
        Http.Response filed = Http.post(stack.gatewayUrl() + "/api/stories", STORY, stack.as("editor"));

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.body().path("id").asText();
        assertThat(id).as(filed.toString()).isNotBlank();
        assertThat(filed.body().path("version").isIntegralNumber()).as(filed.toString()).isTrue();
        assertThat(filed.body().path("version").asLong()).as(filed.toString()).isEqualTo(1);
        assertLocationNamesStory(filed, id);

        Http.Response read = awaitStatus200(stack.gatewayUrl() + "/api/stories/" + id);
        JsonNode story = read.body();
        assertThat(story.path("id").asText()).as(read.toString()).isEqualTo(id);
        assertThat(story.path("headline").asText()).as(read.toString()).isEqualTo(HEADLINE);
        assertThat(story.path("lead").asText()).as(read.toString()).isEqualTo(LEAD);
        assertThat(story.path("body").asText()).as(read.toString()).isEqualTo(BODY);
        assertThat(story.path("dateline").path("place").asText()).as(read.toString()).isEqualTo("Пхенян");
        assertThat(story.path("language").asText()).as(read.toString()).isEqualTo("bg");
        assertThat(story.path("version").asLong()).as(read.toString()).isEqualTo(1);
        assertThat(story.path("status").asText()).as(read.toString()).isEqualTo("PUBLISHED");

        JsonNode brief = awaitBriefOf(id);
        assertThat(brief.path("dateline").path("place").asText()).as(brief.toString()).isEqualTo("Пхенян");
        assertThat(brief.path("headline").asText()).as(brief.toString()).isEqualTo(HEADLINE);
        assertThat(brief.path("teaser").asText()).as(brief.toString()).isNotBlank();
    }

    @Test
    void anUnknownStoryIsANotFoundProblem() {
        Http.Response response = Http.get(stack.gatewayUrl() + "/api/stories/" + UUID.randomUUID(), stack.as("reader"));

        assertProblem(response, 404, "not-found");
    }

    /** Relative, or absolute on the gateway: never the address of the service behind it. */
    private static void assertLocationNamesStory(Http.Response filed, String id) {
        String location = filed.header("Location").orElseThrow(() -> new AssertionError("No Location: " + filed));
        URI uri = URI.create(location);
        assertThat(uri.getPath()).as(filed.toString()).isEqualTo("/api/stories/" + id);
        if (uri.isAbsolute()) {
            assertThat(uri.getPort()).as("Location must name the gateway: " + filed)
                    .isEqualTo(URI.create(stack.gatewayUrl()).getPort());
        }
    }

    private static Http.Response awaitStatus200(String url) {
        AtomicReference<Http.Response> last = new AtomicReference<>();
        await().atMost(CONVERGENCE).pollInterval(POLL_INTERVAL).untilAsserted(() -> {
            Http.Response response = Http.get(url, stack.as("reader"));
            last.set(response);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        });
        return last.get();
    }

    private static JsonNode awaitBriefOf(String storyId) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(CONVERGENCE).pollInterval(POLL_INTERVAL).untilAsserted(() -> {
            Http.Response response = Http.get(stack.gatewayUrl() + "/api/briefs?limit=5", stack.as("reader"));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            Optional<JsonNode> brief = StreamSupport.stream(response.body().path("briefs").spliterator(), false)
                    .filter(candidate -> storyId.equals(candidate.path("storyId").asText()))
                    .findFirst();
            assertThat(brief).as("a brief of story %s in %s", storyId, response).isPresent();
            found.set(brief.get());
        });
        return found.get();
    }
}
