package news.storyline.brief.web;

import com.fasterxml.jackson.databind.JsonNode;
import news.storyline.api.story.AttributionHop;
import news.storyline.api.story.AttributionRole;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryAttributedEvent;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.StoryWithdrawnEvent;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static news.storyline.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/stories/{id}/history} and {@code /diff} on the real brief-service, for events another writer
 * (standing in for story-service) appends to the event store.
 */
@ServiceIT
@Import(EventStoreWriter.class)
class StoryHistoryIT {

    private static final Editor REPORTER = new Editor("ivan", "Иван Петров");
    private static final Editor DESK = Editor.of("desk");

    @Autowired
    Api api;

    /** Appends the events to the event store, as story-service would. */
    @Autowired
    EventStoreWriter writer;

    @Test
    void showsEveryRevisionOldestFirstAndWhatACorrectionChangedWordByWord() {
        String id = UUID.randomUUID().toString();
        writer.story(id,
                     filed(id),
                     new StoryAttributedEvent(id, List.of(new AttributionHop("КЦТА", "kcna", AttributionRole.ORIGINATOR),
                                                          new AttributionHop("Франс прес", "afp",
                                                                             AttributionRole.CITED_BY)),
                                              DESK, Instant.now()),
                     new StoryUpdatedEvent(id, null, null,
                                           "Ким се срещна днес със секретаря на руския Съвет за сигурност.",
                                           RevisionKind.CORRECTION, "Грешна дата", REPORTER, Instant.now()),
                     new StoryLinkedEvent(id, LinkTarget.thread("ukraine-peace-talks"), DESK, Instant.now()));

        ResponseEntity<JsonNode> response = awaitHistory(id, 4);

        assertThat(response.getHeaders().getETag()).isEqualTo("\"4\"");
        JsonNode history = response.getBody();
        assertThat(history.get("storyId").asText()).isEqualTo(id);
        List<String> kinds = new ArrayList<>();
        history.get("revisions").forEach(revision -> kinds.add(revision.get("kind").asText()));
        assertThat(kinds).containsExactly("FILED", "ATTRIBUTED", "CORRECTION", "LINKED");
        JsonNode filing = history.get("revisions").get(0);
        assertThat(filing.get("version").asLong()).isEqualTo(1);
        assertThat(filing.get("editor").get("name").asText()).isEqualTo("Иван Петров");
        assertThat(filing.get("changed")).extracting(JsonNode::asText).containsExactly("headline", "lead", "body");
        assertThat(Instant.parse(filing.get("at").asText())).isBefore(Instant.now());
        assertThat(filing.has("note")).isFalse();
        JsonNode correction = history.get("revisions").get(2);
        assertThat(correction.get("note").asText()).isEqualTo("Грешна дата");
        assertThat(correction.get("changed")).extracting(JsonNode::asText).containsExactly("body");
        assertThat(history.get("revisions").get(3).get("editor").has("name")).isFalse();

        JsonNode diff = api.get("/api/stories/" + id + "/diff?from=1&to=4").getBody();

        assertThat(diff.get("from").asLong()).isEqualTo(1);
        assertThat(diff.get("to").asLong()).isEqualTo(4);
        assertThat(segments(diff.get("headline"))).containsExactly("EQUAL Ким Чен-ун обеща подкрепа");
        assertThat(segments(diff.get("body"))).containsExactly(
                "EQUAL Ким се срещна ", "DELETE вчера", "INSERT днес",
                "EQUAL  със секретаря на руския Съвет за сигурност.");
        assertThat(segments(api.get("/api/stories/" + id + "/diff?from=3&to=3").getBody().get("body")))
                .containsExactly("EQUAL Ким се срещна днес със секретаря на руския Съвет за сигурност.");
    }

    @Test
    void refusesVersionsThatAreMissingMalformedOrOutOfRange() {
        String id = UUID.randomUUID().toString();
        writer.story(id, filed(id), new StoryUpdatedEvent(id, "Ново заглавие", null, null, RevisionKind.UPDATE, null,
                                                          REPORTER, Instant.now()));
        awaitHistory(id, 2);
        String diff = "/api/stories/" + id + "/diff";

        assertInvalid(api.get(diff + "?to=2"), "from");
        assertInvalid(api.get(diff + "?from=1"), "to");
        assertInvalid(api.get(diff + "?from=едно&to=2"), "from");
        assertInvalid(api.get(diff + "?from=0&to=2"), "from");
        assertInvalid(api.get(diff + "?from=2&to=1"), "from");
        assertInvalid(api.get(diff + "?from=1&to=3"), "to");
        assertThat(api.get(diff + "?from=1&to=2").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void answersAnUnknownStoryWithNotFound() {
        String unknown = "/api/stories/" + UUID.randomUUID();

        assertProblem(api.get(unknown + "/history"), 404, "not-found");
        assertProblem(api.get(unknown + "/diff?from=1&to=1"), 404, "not-found");
    }

    @Test
    void keepsTheHistoryOfAWithdrawnStoryButNotItsText() {
        String id = UUID.randomUUID().toString();
        writer.story(id, filed(id), new StoryWithdrawnEvent(id, "Източникът оттегли съобщението", DESK, Instant.now()));

        JsonNode withdrawal = awaitHistory(id, 2).getBody().get("revisions").get(1);

        assertThat(withdrawal.get("kind").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawal.get("reason").asText()).isEqualTo("Източникът оттегли съобщението");
        ResponseEntity<JsonNode> diff = api.get("/api/stories/" + id + "/diff?from=1&to=1");
        assertProblem(diff, 410, "text-withdrawn");
        assertThat(diff.getBody().toString()).doesNotContain("Ким");
    }

    private ResponseEntity<JsonNode> awaitHistory(String id, int versions) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/api/stories/" + id + "/history"),
                response -> response.getStatusCode().value() == 200
                        && response.getBody().get("revisions").size() == versions);
    }

    private static void assertInvalid(ResponseEntity<JsonNode> response, String field) {
        assertProblem(response, 400, "invalid-request");
        assertThat(response.getBody().get("field").asText()).isEqualTo(field);
    }

    private static List<String> segments(JsonNode field) {
        List<String> segments = new ArrayList<>();
        field.forEach(segment -> segments.add(segment.get("op").asText() + " " + segment.get("text").asText()));
        return segments;
    }

    private static StoryFiledEvent filed(String id) {
        return new StoryFiledEvent(id, "Ким Чен-ун обеща подкрепа",
                                   "Севернокорейският лидер Ким Чен-ун обеща на Москва „безусловна подкрепа“.",
                                   "Ким се срещна вчера със секретаря на руския Съвет за сигурност.",
                                   Dateline.of("Пхенян"), "bg", "world", REPORTER, Instant.now());
    }
}
