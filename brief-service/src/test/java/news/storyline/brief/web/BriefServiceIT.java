package news.storyline.brief.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import news.storyline.api.story.AttributionHop;
import news.storyline.api.story.AttributionRole;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.StoryAttributedEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryWithdrawnEvent;
import news.storyline.api.story.Editor;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
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
import java.util.UUID;

import static news.storyline.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real brief-service, reading events that another writer (standing in for story-service) appends to the
 * shared event store in MongoDB.
 */
@ServiceIT
@Import(EventStoreWriter.class)
class BriefServiceIT {

    @Autowired
    Api api;

    @Autowired
    @Qualifier("storylineDatabase")
    MongoDatabase database;

    /** Appends the events, as story-service would. */
    @Autowired
    EventStoreWriter writer;

    @Test
    void servesAStoryAndItsBriefOnceTheEventsAreProjected() {
        String id = UUID.randomUUID().toString();
        writer.story(id,
                     new StoryFiledEvent(id, "Президентът на Ирак поздрави Моджтаба Хаменей",
                                         "Иракският президент Абдел Латиф Рашид поздрави Моджтаба Хаменей за "
                                                 + "назначаването му на поста нов върховен лидер на Иран, предадоха "
                                                 + "ИРНА и други агенции в неделя.",
                                         "Текст.", Dateline.of("Багдад"), "bg", "world", Editor.of("editor"),
                                         Instant.now()),
                     new StoryUpdatedEvent(id, "Президентът на Ирак поздрави новия върховен лидер на Иран", null, null,
                                           RevisionKind.CORRECTION, "Уточнено заглавие", Editor.of("editor"),
                                           Instant.now()));

        JsonNode story = await().atMost(Duration.ofSeconds(20)).until(
                () -> get("/api/stories/" + id),
                response -> response.getStatusCode().value() == 200 && response.getBody().get("version").asLong() == 2)
                .getBody();

        assertThat(story.get("headline").asText()).isEqualTo("Президентът на Ирак поздрави новия върховен лидер на Иран");
        assertThat(story.get("dateline").get("place").asText()).isEqualTo("Багдад");
        assertThat(story.get("status").asText()).isEqualTo("PUBLISHED");

        JsonNode brief = await().atMost(Duration.ofSeconds(20)).until(
                () -> findBrief(id), found -> found != null && found.get("headline").asText().contains("новия"));
        assertThat(brief.get("teaser").asText()).isEqualTo(
                "Иракският президент Абдел Латиф Рашид поздрави Моджтаба Хаменей за назначаването му на поста нов "
                        + "върховен лидер на Иран, предадоха ИРНА...");
        assertThat(brief.get("dateline").get("place").asText()).isEqualTo("Багдад");
    }

    @Test
    void followsAStoryThroughEveryKindOfChange() {
        String id = UUID.randomUUID().toString();
        Editor editor = Editor.of("editor");
        writer.story(id,
                     new StoryFiledEvent(id, "Ким Чен-ун обеща подкрепа", "Лийд.", "Текст.", Dateline.of("Пхенян"),
                                         "bg", "world", editor, Instant.now()),
                     new StoryAttributedEvent(id, List.of(new AttributionHop("КЦТА", "kcna",
                                                                             AttributionRole.ORIGINATOR)),
                                              editor, Instant.now()),
                     new StoryLinkedEvent(id, LinkTarget.thread("ukraine-peace-talks"), editor, Instant.now()),
                     new StoryUpdatedEvent(id, "Ким Чен-ун обеща безусловна подкрепа", null, null,
                                           RevisionKind.CORRECTION, "Точен цитат", editor, Instant.now()));

        JsonNode story = await().atMost(Duration.ofSeconds(20)).until(
                () -> get("/api/stories/" + id),
                response -> response.getStatusCode().value() == 200 && response.getBody().get("version").asLong() == 4)
                .getBody();
        assertThat(story.get("headline").asText()).isEqualTo("Ким Чен-ун обеща безусловна подкрепа");
        assertThat(story.get("threads").get(0).asText()).isEqualTo("ukraine-peace-talks");
        assertThat(story.get("attributions").get(0).get(0).get("sourceId").asText()).isEqualTo("kcna");
        await().atMost(Duration.ofSeconds(20)).until(() -> findBrief(id), brief -> brief != null
                && brief.get("headline").asText().equals("Ким Чен-ун обеща безусловна подкрепа"));

        writer.append(id, 4, new StoryWithdrawnEvent(id, "Източникът оттегли съобщението", editor, Instant.now()));

        JsonNode withdrawn = await().atMost(Duration.ofSeconds(20)).until(
                () -> get("/api/stories/" + id).getBody(), body -> body.get("version").asLong() == 5);
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.has("headline")).isFalse();
        await().atMost(Duration.ofSeconds(20)).until(() -> findBrief(id) == null);
    }

    @Test
    void answersAnUnknownStoryWithAProblem() {
        ResponseEntity<JsonNode> response = get("/api/stories/" + UUID.randomUUID());

        assertProblem(response, 404, "not-found");
    }

    /** An instant no date can hold was a 500 (Date.from overflowed in the query); a fraction was cut to a position. */
    @Test
    void refusesAnAsOfOutsideTheYearsAStoryCanBeDatedAndAPositionWithAFraction() {
        // (Years after 9999 need a '+', which the test client's URI template would encode once more.)
        for (String asOf : new String[] {"-999999999-01-01T00:00:00Z", "-300000000-01-01T00:00:00Z",
                                         "1899-12-31T23:59:59Z"}) {
            ResponseEntity<JsonNode> response = get("/api/threads/any/timeline?asOf=" + asOf);
            assertProblem(response, 400, "invalid-request");
            assertThat(response.getBody().get("field").asText()).isEqualTo("asOf");
        }
        assertThat(get("/api/events?after=1.5").getStatusCode().value()).isEqualTo(400);
        ResponseEntity<JsonNode> webhook = api.post("/api/admin/webhooks",
                "{\"url\": \"http://127.0.0.1:9/hook\", \"after\": 1.5}");
        assertProblem(webhook, 400, "malformed-body");
        assertThat(webhook.getBody().get("field").asText()).isEqualTo("after");
    }

    @Test
    void refusesALimitOutOfRange() {
        ResponseEntity<JsonNode> response = get("/api/briefs?limit=0");

        assertProblem(response, 400, "invalid-request");
        assertThat(get("/api/briefs?limit=many").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void keepsEveryProcessorsPositionInMongo() {
        String id = UUID.randomUUID().toString();
        writer.story(id, new StoryFiledEvent(id, "Заглавие", "Лийд.", "Текст.", Dateline.of("Женева"), "bg", null,
                                             Editor.of("editor"), Instant.now()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> processors = database.getCollection("trackingtokens").find()
                                              .map(token -> token.getString("processorName"))
                                              .into(new ArrayList<>());
            assertThat(processors).contains("stories", "briefs", "feed");
            assertThat(database.getCollection("feed").countDocuments(new Document("eventId",
                    writer.readEvents(id).asStream().findFirst().orElseThrow().getIdentifier()))).isEqualTo(1);
        });
    }

    private JsonNode findBrief(String id) {
        JsonNode briefs = get("/api/briefs?limit=100").getBody().get("briefs");
        for (JsonNode brief : briefs) {
            if (brief.get("storyId").asText().equals(id)) {
                return brief;
            }
        }
        return null;
    }

    private ResponseEntity<JsonNode> get(String path) {
        return api.get(path);
    }
}
