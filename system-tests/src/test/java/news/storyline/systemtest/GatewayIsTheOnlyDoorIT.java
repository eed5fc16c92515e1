package news.storyline.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static news.storyline.systemtest.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what, on the real stack: the gateway lets in only valid tokens with the right role, the services
 * refuse whatever did not come through it, and the editor of a change is the one in the token.
 */
class GatewayIsTheOnlyDoorIT {

    private static final Map<String, Object> STORY = Map.of(
            "headline", "КНДР изстреля балистична ракета",
            "lead", "Северна Корея изстреля балистична ракета към Японско море, съобщи КЦТА.",
            "body", "Изстрелването е първото от месеци.",
            "dateline", Map.of("place", "Пхенян"),
            "language", "bg");

    private static StorylineStack stack;

    @BeforeAll
    static void startStack() {
        stack = StorylineStack.shared();
    }

    @Test
    void withoutAValidTokenNothingIsReadOrWritten() {
        long events = stack.eventCount();

        assertProblem(Http.get(stack.gatewayUrl() + "/api/briefs"), 401, "unauthenticated");
        assertProblem(Http.post(stack.gatewayUrl() + "/api/stories", STORY), 401, "unauthenticated");
        assertProblem(Http.post(stack.gatewayUrl() + "/api/stories", STORY,
                                                 Map.of("Authorization", "Bearer not.a.token")),
                                       401, "unauthenticated");

        assertThat(stack.eventCount()).isEqualTo(events);
    }

    @Test
    void eachRoleReachesOnlyWhatItIsFor() {
        long events = stack.eventCount();

        assertProblem(Http.post(stack.gatewayUrl() + "/api/stories", STORY, stack.as("reader")),
                                       403, "forbidden");
        assertProblem(Http.get(stack.gatewayUrl() + "/api/briefs", stack.as("subscriber")),
                                       403, "forbidden");
        assertProblem(Http.send("POST", stack.gatewayUrl() + "/api/admin/rebuilds", null,
                                                 stack.as("editor")), 403, "forbidden");

        assertThat(Http.get(stack.gatewayUrl() + "/api/briefs", stack.as("reader")).status()).isEqualTo(200);
        assertThat(stack.eventCount()).isEqualTo(events);
    }

    @Test
    void aRequestThatBypassesTheGatewayIsRefusedByTheServices() {
        long events = stack.eventCount();
        String storyService = stack.storyServiceUrl(0);

        assertProblem(Http.post(storyService + "/api/stories", STORY), 401, "unauthenticated");
        // Headers that once named the editor, and a user's own token: neither is what the gateway relays.
        assertProblem(Http.post(storyService + "/api/stories", STORY,
                                                 Map.of("X-Storyline-Editor", "intruder")), 401, "unauthenticated");
        assertProblem(Http.post(storyService + "/api/stories", STORY, stack.as("editor")),
                                       401, "unauthenticated");
        assertProblem(Http.get(stack.briefServiceUrl() + "/api/briefs"), 401, "unauthenticated");

        assertThat(stack.eventCount()).isEqualTo(events);
    }

    @Test
    void theEditorOfAChangeIsTheOneInTheToken() {
        String subject = "ed-" + UUID.randomUUID();
        Map<String, String> headers = Http.with(
                Http.with(stack.as(subject, "Мария Иванова", "editor"), "X-Storyline-Editor", "someone-else"),
                "X-Storyline-Editor-Name", "Someone Else");

        Http.Response filed = Http.post(stack.gatewayUrl() + "/api/stories", STORY, headers);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.body().path("id").asText();

        JsonNode story = await().atMost(Duration.ofSeconds(20)).until(
                () -> Http.get(stack.gatewayUrl() + "/api/stories/" + id, stack.as("reader")),
                response -> response.status() == 200).body();
        assertThat(story.path("filedBy").path("id").asText()).isEqualTo(subject);
        assertThat(story.path("filedBy").path("name").asText()).isEqualTo("Мария Иванова");

        Map<String, Object> claimingSomeoneElse = new HashMap<>(STORY);
        claimingSomeoneElse.put("filedBy", Map.of("id", "someone-else", "name", "Someone Else"));
        assertThat(Http.post(stack.gatewayUrl() + "/api/stories", claimingSomeoneElse, headers).status())
                .isEqualTo(400);
    }

    @Test
    void theRequestsCorrelationAndTraceIdsAreStoredWithTheEvent() {
        String correlationId = "newsroom-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> headers = Http.with(Http.with(stack.as("editor"), "X-Correlation-Id", correlationId),
                                                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

        Http.Response filed = Http.post(stack.gatewayUrl() + "/api/stories", STORY, headers);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.header("X-Correlation-Id")).contains(correlationId);
        assertThat(filed.header("traceparent").orElseThrow()).startsWith("00-" + traceId + "-");

        Document event = stack.database().getCollection("events")
                              .find(new Document("aggregateIdentifier", filed.body().path("id").asText())).first();
        assertThat(event).isNotNull();
        JsonNode metaData = Http.parse(event.getString("metaData"));
        assertThat(metaData.path("requestCorrelationId").asText()).isEqualTo(correlationId);
        assertThat(metaData.path("traceparent").asText()).startsWith("00-" + traceId + "-");
    }

    @Test
    void writesAreLimitedPerSubjectWithoutStoppingTheirReads() {
        Map<String, String> hurried = stack.as("hurried-" + UUID.randomUUID(), "В бързина", "editor");
        List<Http.Response> answers = new ArrayList<>();
        // Malformed bodies: refused by story-service when let through, so the test writes nothing.
        for (int i = 0; i < 120; i++) {
            answers.add(Http.post(stack.gatewayUrl() + "/api/stories", "{", hurried));
        }
        assertThat(answers.get(0).status()).as(answers.get(0).toString()).isEqualTo(400);
        Http.Response limited = answers.stream().filter(answer -> answer.status() == 429).findFirst()
                                       .orElseThrow(() -> new AssertionError("no 429 among " + answers.size()));
        assertProblem(limited, 429, "rate-limited");
        assertThat(limited.header("Retry-After").map(Integer::parseInt).orElseThrow()).isPositive();

        assertThat(Http.get(stack.gatewayUrl() + "/api/briefs", hurried).status()).isEqualTo(200);
        assertThat(Http.post(stack.gatewayUrl() + "/api/stories", "{", stack.as("editor")).status()).isEqualTo(400);
    }

    @Test
    void oversizedBodiesAndHeadersAreRefusedAtTheGateway() {
        String huge = "{\"headline\":\"" + "я".repeat(600_000) + "\"}";
        assertProblem(Http.post(stack.gatewayUrl() + "/api/stories", huge, stack.as("editor")), 413,
                      "payload-too-large");

        Http.Response response = Http.get(stack.gatewayUrl() + "/api/briefs",
                                          Http.with(stack.as("reader"), "X-Padding", "x".repeat(20_000)));
        assertThat(response.status()).as(response.toString()).isEqualTo(431);
    }
}
