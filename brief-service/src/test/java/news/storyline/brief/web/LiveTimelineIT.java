package news.storyline.brief.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryUnlinkedEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.thread.ThreadOpenedEvent;
import news.storyline.api.thread.ThreadRenamedEvent;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static news.storyline.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/threads/{slug}/live} on the real service, fed by events another writer appends to the event
 * store: the feed and the timelines are projected as in production.
 */
@ServiceIT(properties = {"storyline.live.poll=50ms", "storyline.live.heartbeat=500ms"})
@Import(EventStoreWriter.class)
class LiveTimelineIT {

    private static final Duration PROMPTLY = Duration.ofSeconds(20);
    private static final Editor EDITOR = Editor.of("editor");

    @Autowired
    Api api;

    @Autowired
    EventStoreWriter writer;

    @LocalServerPort
    int port;

    private SseClient sse;

    @BeforeEach
    void connect() {
        sse = new SseClient(port);
    }

    @Test
    void pushesEachEventOfTheThreadAsItsTimelineShowsItAndNothingOfOtherThreads() throws Exception {
        String thread = open("Мирните преговори");
        String other = open("Газа");
        String story = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();

        SseClient.Message linked;
        SseClient.Message corrected;
        try (SseClient.Stream live = sse.open("/api/threads/" + thread + "/live")) {
            SseClient.Message opened = live.next(PROMPTLY);
            assertThat(opened.event()).isEqualTo("thread.opened");
            assertThat(json(opened.data()).get("title").asText()).isEqualTo("Мирните преговори");

            writer.story(elsewhere, filed(elsewhere, "Примирие в Газа"),
                         new StoryLinkedEvent(elsewhere, LinkTarget.thread(other), EDITOR, Instant.now()));
            writer.story(story, filed(story, "Преговорите започват в Женева"),
                         new StoryLinkedEvent(story, LinkTarget.thread(thread), EDITOR, Instant.now()),
                         new StoryUpdatedEvent(story, "Преговорите започнаха в Женева", null, null,
                                               RevisionKind.CORRECTION, "Глаголно време", EDITOR, Instant.now()));

            linked = live.next(PROMPTLY);
            assertThat(linked.event()).isEqualTo("story.linked");
            JsonNode linkedEntry = json(linked.data());
            assertThat(linkedEntry.get("storyId").asText()).isEqualTo(story);
            assertThat(linkedEntry.get("kind").asText()).isEqualTo("LINKED");
            assertThat(linkedEntry.get("version").asLong()).isEqualTo(2);
            assertThat(linkedEntry.get("headline").asText()).isEqualTo("Преговорите започват в Женева");
            assertThat(linkedEntry.get("dateline").get("place").asText()).isEqualTo("Женева");

            corrected = live.next(PROMPTLY);
            assertThat(corrected.event()).isEqualTo("story.updated");
            assertThat(corrected.position()).isGreaterThan(linked.position());
            JsonNode correctedEntry = json(corrected.data());
            assertThat(correctedEntry.get("kind").asText()).isEqualTo("CORRECTED");
            assertThat(correctedEntry.get("version").asLong()).isEqualTo(3);
            assertThat(correctedEntry.get("headline").asText()).isEqualTo("Преговорите започнаха в Женева");

            writer.append(thread, 1, new ThreadRenamedEvent(thread, "Преговорите в Женева", null, EDITOR,
                                                            Instant.now()));
            SseClient.Message renamed = live.next(PROMPTLY);
            assertThat(renamed.event()).isEqualTo("thread.renamed");
            assertThat(json(renamed.data()).get("title").asText()).isEqualTo("Преговорите в Женева");
            assertThat(json(renamed.data()).get("version").asLong()).isEqualTo(2);
        }
        assertThat(timeline(thread)).as("what was pushed is what the timeline shows")
                                    .contains(json(linked.data()), json(corrected.data()));
    }

    @Test
    void replaysWhatWasMissedAfterTheLastEventIdThenGoesLive() throws Exception {
        String thread = open("Изборите");
        String story = UUID.randomUUID().toString();
        writer.story(story, filed(story, "Първи резултати"),
                     new StoryLinkedEvent(story, LinkTarget.thread(thread), EDITOR, Instant.now()));

        long lastSeen;
        try (SseClient.Stream live = sse.open("/api/threads/" + thread + "/live")) {
            assertThat(live.next(PROMPTLY).event()).isEqualTo("thread.opened");
            lastSeen = live.next(PROMPTLY).position();
        }
        writer.append(story, 2, new StoryUpdatedEvent(story, "Окончателни резултати", null, null, RevisionKind.UPDATE,
                                                      null, EDITOR, Instant.now()));
        writer.append(story, 3, new StoryUnlinkedEvent(story, LinkTarget.thread(thread), EDITOR, Instant.now()));

        try (SseClient.Stream live = sse.open(sse.request("/api/threads/" + thread + "/live")
                                                 .header("Last-Event-ID", Long.toString(lastSeen))).reading()) {
            SseClient.Message updated = live.next(PROMPTLY);
            assertThat(updated.event()).isEqualTo("story.updated");
            assertThat(json(updated.data()).get("headline").asText()).isEqualTo("Окончателни резултати");
            SseClient.Message unlinked = live.next(PROMPTLY);
            assertThat(unlinked.event()).isEqualTo("story.unlinked");
            assertThat(json(unlinked.data()).get("version").asLong()).isEqualTo(4);

            writer.append(thread, 1, new ThreadRenamedEvent(thread, "Изборите 2026", null, EDITOR, Instant.now()));
            assertThat(live.next(PROMPTLY).event()).isEqualTo("thread.renamed");
        }
    }

    @Test
    void answersAnUnknownThreadOrABadPositionWithAProblem() {
        assertProblem(api.get("/api/threads/no-such-thread/live"), 404, "not-found");
        String thread = open("Бюджетът");
        assertProblem(api.get("/api/threads/" + thread + "/live?after=-3"), 400, "invalid-request");
        HttpHeaders lastEventId = new HttpHeaders();
        lastEventId.set("Last-Event-ID", "the-last-one");
        assertProblem(api.send(HttpMethod.GET, "/api/threads/" + thread + "/live", null, null, lastEventId),
                      400, "invalid-request");
    }

    /** Opens a thread and waits until the service knows it. */
    private String open(String title) {
        String slug = "live-" + UUID.randomUUID();
        writer.append(slug, 0, new ThreadOpenedEvent(slug, title, null, EDITOR, Instant.now()));
        await().atMost(PROMPTLY).until(() -> api.get("/api/threads/" + slug).getStatusCode().value() == 200);
        return slug;
    }

    private static StoryFiledEvent filed(String id, String headline) {
        return new StoryFiledEvent(id, headline, "Лийд.", "Текст.", Dateline.of("Женева"), "bg", "world", EDITOR,
                                   Instant.now());
    }

    private JsonNode timeline(String thread) {
        return api.get("/api/threads/" + thread + "/timeline").getBody().get("entries");
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}
