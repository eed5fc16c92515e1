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
import news.storyline.api.story.StoryRelation;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.StoryWithdrawnEvent;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static news.storyline.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/stories/{id}/ninjs} on the real brief-service, for events another writer appends to the event
 * store; every answer is checked against IPTC's ninjs 3.1 schema.
 */
@ServiceIT
@Import(EventStoreWriter.class)
class NinjsIT {

    private static final Editor EDITOR = new Editor("editor", "Редактор");

    @Autowired
    Api api;

    /** Appends the events to the event store, as story-service would. */
    @Autowired
    EventStoreWriter writer;

    @Test
    void servesAStoryAsNinjs() {
        String kremlin = UUID.randomUUID().toString();
        writer.story(kremlin, new StoryFiledEvent(
                kremlin, "Кремъл: Мирните преговори за Украйна продължават", "Лийд.", "Текст.", Dateline.of("Москва"),
                "bg", "world", EDITOR, Instant.now()));
        String id = UUID.randomUUID().toString();
        writer.story(id,
                     new StoryFiledEvent(id, "Ким Чен-ун обеща подкрепа",
                                         "Севернокорейският лидер Ким Чен-ун е обещал безусловна подкрепа за Русия, "
                                                 + "съобщи КЦТА, цитирана от Франс прес.",
                                         "Ким се срещна вчера със Сергей Шойгу в Пхенян.\n\nДвете страни се "
                                                 + "договориха да укрепват отношенията си.",
                                         Dateline.of("Пхенян"), "bg", "world", EDITOR, Instant.now()),
                     new StoryAttributedEvent(id, List.of(new AttributionHop("КЦТА", "kcna", AttributionRole.ORIGINATOR),
                                                          new AttributionHop("Франс прес", "afp",
                                                                             AttributionRole.CITED_BY)),
                                              EDITOR, Instant.now()),
                     new StoryLinkedEvent(id, LinkTarget.thread("ukraine-peace-talks"), EDITOR, Instant.now()),
                     new StoryLinkedEvent(id, LinkTarget.story(kremlin, StoryRelation.FOLLOW_UP_OF), EDITOR,
                                          Instant.now()),
                     new StoryUpdatedEvent(id, "Ким Чен-ун обеща безусловна подкрепа", null, null,
                                           RevisionKind.CORRECTION, "Точен цитат", EDITOR, Instant.now()));

        ResponseEntity<JsonNode> response = ninjsAtVersion(id, 5);
        JsonNode ninjs = response.getBody();

        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(response.getHeaders().getETag()).isEqualTo("\"5\"");
        NinjsSchema.assertValid(ninjs);
        assertThat(ninjs.get("uri").asText()).isEqualTo("urn:storyline:story:" + id);
        assertThat(ninjs.get("pubStatus").asText()).isEqualTo("usable");
        assertThat(ninjs.get("language").asText()).isEqualTo("bg");
        assertThat(ninjs.get("located").asText()).isEqualTo("Пхенян");
        assertThat(ninjs.get("headlines").get(0).get("value").asText())
                .isEqualTo("Ким Чен-ун обеща безусловна подкрепа");
        assertThat(ninjs.get("descriptions").get(0).get("value").asText()).startsWith("Севернокорейският лидер");
        assertThat(ninjs.get("bodies").get(0).get("value").asText())
                .startsWith("Севернокорейският лидер").endsWith("укрепват отношенията си.");
        assertThat(ninjs.get("infoSources").findValuesAsText("name")).containsExactly("КЦТА", "Франс прес");
        assertThat(ninjs.get("infoSources").findValuesAsText("uri"))
                .containsExactly("urn:storyline:source:kcna", "urn:storyline:source:afp");
        assertThat(ninjs.get("infoSources").findValuesAsText("role")).containsExactly("originator", "cited-by");
        assertThat(ninjs.get("subjects").get(0).get("uri").asText())
                .isEqualTo("urn:storyline:thread:ukraine-peace-talks");
        assertThat(ninjs.get("associations").get(0).get("uri").asText()).isEqualTo("urn:storyline:story:" + kremlin);
        assertThat(ninjs.get("associations").get(0).get("rel").asText()).isEqualTo("follow-up-of");
        assertThat(Instant.parse(ninjs.get("versionCreated").asText()))
                .isAfterOrEqualTo(Instant.parse(ninjs.get("firstCreated").asText()));
    }

    @Test
    void servesAWithdrawnStoryAsCanceledWithoutItsText() {
        String id = UUID.randomUUID().toString();
        writer.story(id,
                     new StoryFiledEvent(id, "Президентът на Ирак поздрави Моджтаба Хаменей",
                                         "Иракският президент поздрави.", "Текст.", Dateline.of("Багдад"), "bg", "world",
                                         EDITOR, Instant.now()),
                     new StoryAttributedEvent(id, List.of(new AttributionHop("ИРНА", "irna", AttributionRole.ORIGINATOR)),
                                              EDITOR, Instant.now()),
                     new StoryWithdrawnEvent(id, "Източникът оттегли съобщението", EDITOR, Instant.now()));

        JsonNode ninjs = ninjsAtVersion(id, 3).getBody();

        NinjsSchema.assertValid(ninjs);
        assertThat(ninjs.get("pubStatus").asText()).isEqualTo("canceled");
        assertThat(ninjs.get("edNote").asText()).isEqualTo("Източникът оттегли съобщението");
        assertThat(ninjs.has("headlines")).isFalse();
        assertThat(ninjs.has("bodies")).isFalse();
        assertThat(ninjs.toString()).doesNotContain("Хаменей", "Иракският");
    }

    @Test
    void answersAnUnknownStoryWithAProblem() {
        String id = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> response = api.get("/api/stories/" + id + "/ninjs");

        assertProblem(response, 404, "not-found");
        // the story is missing, not the route
        assertThat(response.getBody().get("detail").asText()).isEqualTo("No story " + id);
    }

    private ResponseEntity<JsonNode> ninjsAtVersion(String id, long version) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/api/stories/" + id + "/ninjs"),
                response -> response.getStatusCode().value() == 200
                        && response.getBody().get("version").asText().equals(Long.toString(version)));
    }
}
