package news.storyline.brief.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryEvent;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryUnlinkedEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.StoryWithdrawnEvent;
import news.storyline.api.thread.ThreadOpenedEvent;
import news.storyline.brief.feed.CloudEventsSchema;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import static news.storyline.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /api/events}: the feed in pages, as CloudEvents, of events another writer appends to the store. */
@ServiceIT
@Import(EventStoreWriter.class)
class EventFeedIT {

    private static final Editor EDITOR = new Editor("editor", "Иван Петров");
    private static final String FILED = "news.storyline.story.filed.v1";
    private static final String UPDATED = "news.storyline.story.updated.v1";
    private static final String LINKED = "news.storyline.story.linked.v1";
    private static final String UNLINKED = "news.storyline.story.unlinked.v1";
    private static final String WITHDRAWN = "news.storyline.story.withdrawn.v1";
    private static final String OPENED = "news.storyline.thread.opened.v1";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Autowired
    Api api;

    @Autowired
    @Qualifier("storylineDatabase")
    MongoDatabase database;

    @Autowired
    EventStoreWriter writer;

    @Test
    void servesEveryEventInTheStoreInOrderWithDensePositions() {
        String id = newId();
        writer.story(id, filed(id), updated(id, "Второ заглавие"), updated(id, "Трето заглавие"));

        awaitEvents("", about(id), 3);
        List<JsonNode> feed = readAll("", 100);

        assertThat(feed).extracting(event -> event.get("position").asLong())
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, feed.size()).boxed().toList());
        List<JsonNode> mine = feed.stream().filter(about(id)).toList();
        assertThat(mine).extracting(event -> event.get("id").asText())
                        .containsExactlyElementsOf(writer.readEvents(id).asStream()
                                                         .map(DomainEventMessage::getIdentifier).toList());
        assertThat(mine).extracting(event -> event.get("type").asText()).containsExactly(FILED, UPDATED, UPDATED);
        assertThat(mine.get(0).get("source").asText()).isEqualTo("/storyline/stories/" + id);
        assertThat(mine.get(0).get("data").get("headline").asText()).isEqualTo("Първо заглавие");
        assertThat(mine.get(0).get("data").get("filedBy").get("name").asText()).isEqualTo("Иван Петров");
        assertThat(mine.get(2).get("data").get("headline").asText()).isEqualTo("Трето заглавие");
        feed.forEach(CloudEventsSchema::assertValid);
    }

    @Test
    void pagingWithNextVisitsEveryEventOnce() {
        String id = newId();
        List<StoryEvent> changes = new ArrayList<>(List.of(filed(id)));
        for (int n = 2; n <= 12; n++) {
            changes.add(updated(id, "Заглавие " + n));
        }
        writer.story(id, changes.toArray(StoryEvent[]::new));
        awaitEvents("", about(id), 12);

        List<JsonNode> inPagesOfFive = readAll("", 5);

        assertThat(inPagesOfFive).extracting(event -> event.get("position").asLong())
                                 .containsExactlyElementsOf(LongStream.rangeClosed(1, inPagesOfFive.size())
                                                                      .boxed().toList());
        assertThat(inPagesOfFive.stream().filter(about(id))).hasSize(12);
        assertThat(inPagesOfFive).isEqualTo(readAll("", 1000).subList(0, inPagesOfFive.size()));
    }

    @Test
    void filtersByTypeAndSaysWhereItStoppedLooking() {
        String id = newId();
        String slug = newSlug();
        writer.story(id, filed(id), new StoryWithdrawnEvent(id, "Източникът оттегли", EDITOR, Instant.now()));
        writer.append(slug, 0, opened(slug));
        awaitEvents("", event -> about(id).test(event) || about(slug).test(event), 3);

        List<JsonNode> chosen = readAll("&type=" + WITHDRAWN + "&type=" + OPENED, 1000);

        assertThat(chosen).extracting(event -> event.get("type").asText()).containsOnly(WITHDRAWN, OPENED);
        assertThat(chosen.stream().filter(about(id))).extracting(event -> event.get("type").asText())
                                                     .containsExactly(WITHDRAWN);
        assertThat(chosen.stream().filter(about(slug))).hasSize(1);

        JsonNode onePage = api.get("/api/events?limit=1&type=" + WITHDRAWN).getBody();
        assertThat(onePage.get("next").asLong()).isEqualTo(onePage.get("events").get(0).get("position").asLong());
        JsonNode wholeFeed = api.get("/api/events?limit=1000&type=" + WITHDRAWN).getBody();
        assertThat(wholeFeed.get("next").asLong()).isEqualTo(wholeFeed.get("head").asLong());
    }

    @Test
    void filtersByThreadAStoryThatJoinedAndLeftIt() {
        String slug = newSlug();
        String id = newId();
        String elsewhere = newId();
        writer.append(slug, 0, opened(slug));
        writer.story(id, filed(id),
                     new StoryLinkedEvent(id, LinkTarget.thread(slug), EDITOR, Instant.now()),
                     updated(id, "В нишката"),
                     new StoryUnlinkedEvent(id, LinkTarget.thread(slug), EDITOR, Instant.now()),
                     updated(id, "Извън нишката"));
        writer.story(elsewhere, filed(elsewhere),
                     new StoryLinkedEvent(elsewhere, LinkTarget.thread(newSlug()), EDITOR, Instant.now()));

        List<JsonNode> thread = awaitEvents("&thread=" + slug, event -> true, 4);

        assertThat(thread).extracting(event -> event.get("type").asText())
                          .containsExactly(OPENED, LINKED, UPDATED, UNLINKED);
        assertThat(thread.get(2).get("data").get("headline").asText()).isEqualTo("В нишката");
        assertThat(readAll("&thread=" + slug + "&type=" + UPDATED, 1000)).singleElement()
                .satisfies(event -> assertThat(event.get("subject").asText()).isEqualTo(id));
    }

    @Test
    void takesCorrelationCausationAndTraceFromTheEventsMetadata() {
        String id = newId();
        writer.append(id, 0, filed(id), Map.of("requestCorrelationId", "request-17", "correlationId", "command-9",
                                               "traceparent", TRACEPARENT));

        JsonNode event = awaitEvents("&type=" + FILED, about(id), 1).get(0);

        assertThat(event.get("correlationid").asText()).isEqualTo("request-17");
        assertThat(event.get("causationid").asText()).isEqualTo("command-9");
        assertThat(event.get("traceparent").asText()).isEqualTo(TRACEPARENT);
        CloudEventsSchema.assertValid(event);
    }

    @Test
    void servesTheStoredCloudEventsAsTheyAre() {
        String id = newId();
        writer.story(id, filed(id));
        long position = awaitEvents("&type=" + FILED, about(id), 1).get(0).get("position").asLong();

        String body = api.http().get().uri("/api/events?after={after}&limit=1", position - 1).retrieve()
                         .body(String.class);

        String stored = database.getCollection("feed").find(new Document("_id", position)).first()
                                .getString("cloudEvent");
        assertThat(body).contains("\"events\":[" + stored + "]");
    }

    @Test
    void aPageAfterTheHeadIsEmptyAndKeepsItsPlace() {
        String id = newId();
        writer.story(id, filed(id));
        awaitEvents("", about(id), 1);
        long head = api.get("/api/events?limit=1").getBody().get("head").asLong();

        JsonNode page = api.get("/api/events?after=" + (head + 100)).getBody();

        assertThat(page.get("events")).isEmpty();
        assertThat(page.get("next").asLong()).isEqualTo(head + 100);
        assertThat(page.get("head").asLong()).isGreaterThanOrEqualTo(head);
    }

    @Test
    void refusesBadParameters() {
        assertProblem(api.get("/api/events?after=-1"), 400, "invalid-request");
        assertProblem(api.get("/api/events?limit=0"), 400, "invalid-request");
        assertProblem(api.get("/api/events?limit=1001"), 400, "invalid-request");
        assertProblem(api.get("/api/events?limit=many"), 400, "invalid-request");
        assertProblem(api.get("/api/events?thread="), 400, "invalid-request");

        ResponseEntity<JsonNode> unknownType = api.get("/api/events?type=" + FILED + "&type=news.storyline.story.deleted.v1");

        assertProblem(unknownType, 400, "invalid-request");
        assertThat(unknownType.getBody().get("field").asText()).isEqualTo("type");
        assertThat(unknownType.getBody().get("detail").asText())
                .contains("news.storyline.story.deleted.v1").contains(FILED).contains(OPENED);
        assertThat(unknownType.getBody().get("knownTypes")).hasSize(9);
    }

    /** Every event after position 0 that passes {@code filters}, page by page with {@code next}. */
    private List<JsonNode> readAll(String filters, int limit) {
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        while (true) {
            ResponseEntity<JsonNode> response = api.get("/api/events?after=" + after + "&limit=" + limit + filters);
            assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
            JsonNode page = response.getBody();
            page.get("events").forEach(events::add);
            long next = page.get("next").asLong();
            if (page.get("events").isEmpty() && next == page.get("head").asLong()) {
                return events;
            }
            assertThat(next).as("next moves on").isGreaterThan(after);
            after = next;
        }
    }

    private List<JsonNode> awaitEvents(String filters, Predicate<JsonNode> wanted, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> readAll(filters, 1000).stream().filter(wanted).toList(), events -> events.size() >= count);
    }

    private static Predicate<JsonNode> about(String subject) {
        return event -> event.get("subject").asText().equals(subject);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static String newSlug() {
        return "thread-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static StoryFiledEvent filed(String id) {
        return new StoryFiledEvent(id, "Първо заглавие", "Лийд.", "Текст.", Dateline.of("Пхенян"), "bg", "world",
                                   EDITOR, Instant.now());
    }

    private static StoryUpdatedEvent updated(String id, String headline) {
        return new StoryUpdatedEvent(id, headline, null, null, RevisionKind.UPDATE, null, EDITOR, Instant.now());
    }

    private static ThreadOpenedEvent opened(String slug) {
        return new ThreadOpenedEvent(slug, "Нишка " + slug, null, EDITOR, Instant.now());
    }
}
