package news.storyline.brief.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import news.storyline.api.query.StoryRevision;
import news.storyline.api.query.StoryView;
import news.storyline.api.story.AttributionHop;
import news.storyline.api.story.AttributionRole;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.StoryRelation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stories from the seed page as ninjs 3.1, each checked against IPTC's schema. */
class NinjsDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Editor EDITOR = new Editor("editor", "Редактор");
    private static final Instant FILED = Instant.parse("2025-03-09T08:15:00Z");
    private static final Instant CHANGED = Instant.parse("2025-03-09T09:40:12.345Z");

    private static final String HEADLINE = "Ким Чен-ун обеща на Шойгу безусловна подкрепа за Русия";
    private static final String LEAD = "Севернокорейският лидер Ким Чен-ун е обещал безусловна подкрепа за Русия, "
            + "съобщи КЦТА, цитирана от Франс прес.";
    private static final String BODY = "Ким се срещна вчера със секретаря на руския Съвет за сигурност Сергей Шойгу "
            + "в Пхенян.\n\nДвете страни се договориха да „продължат постепенно да укрепват“ отношенията си, "
            + "посочва КЦТА.";

    @Test
    void mapsAFullStory() {
        StoryView story = new StoryView(
                "kim-pledge", 6, "PUBLISHED", HEADLINE, LEAD, BODY, Dateline.of("Пхенян"), "bg", "world", EDITOR,
                FILED, CHANGED,
                List.of(List.of(new AttributionHop("КЦТА", "kcna", AttributionRole.ORIGINATOR),
                                new AttributionHop("Франс прес", "afp", AttributionRole.CITED_BY)),
                        List.of(new AttributionHop("Руското посолство в Пхенян", null, AttributionRole.ORIGINATOR),
                                new AttributionHop("Ройтерс", "reuters", AttributionRole.CARRIER))),
                List.of("ukraine-peace-talks"),
                List.of(new StoryView.Link("kremlin-peace-talks", StoryRelation.FOLLOW_UP_OF),
                        new StoryView.Link("shoigu-visit", StoryRelation.BACKGROUND_TO)),
                null);

        ObjectNode ninjs = NinjsDocuments.of(story);

        NinjsSchema.assertValid(ninjs);
        assertThat(ninjs).isEqualTo(json("""
                {
                  "uri": "urn:storyline:story:kim-pledge",
                  "type": "text",
                  "version": "6",
                  "firstCreated": "2025-03-09T08:15:00Z",
                  "versionCreated": "2025-03-09T09:40:12.345Z",
                  "pubStatus": "usable",
                  "standard": {"name": "ninjs", "version": "3.1",
                               "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"},
                  "language": "bg",
                  "located": "Пхенян",
                  "headlines": [{"contentType": "text/plain", "value": "%s"}],
                  "descriptions": [{"role": "summary", "contentType": "text/plain", "value": "%s"}],
                  "bodies": [{"contentType": "text/plain", "value": "%s"}],
                  "infoSources": [
                    {"name": "КЦТА", "uri": "urn:storyline:source:kcna", "role": "originator"},
                    {"name": "Франс прес", "uri": "urn:storyline:source:afp", "role": "cited-by"},
                    {"name": "Руското посолство в Пхенян", "role": "originator"},
                    {"name": "Ройтерс", "uri": "urn:storyline:source:reuters", "role": "carrier"}
                  ],
                  "subjects": [{"uri": "urn:storyline:thread:ukraine-peace-talks", "literal": "ukraine-peace-talks"}],
                  "associations": [
                    {"name": "follow-up-of", "rel": "follow-up-of", "uri": "urn:storyline:story:kremlin-peace-talks",
                     "type": "text"},
                    {"name": "background-to", "rel": "background-to", "uri": "urn:storyline:story:shoigu-visit",
                     "type": "text"}
                  ]
                }""".formatted(HEADLINE, LEAD, escaped(LEAD + "\n\n" + BODY))));
    }

    /** A kill: the fact, the reason for the receiving desk, and none of the text, even were the view to hold it. */
    @Test
    void carriesTheVersionChainOfTextChangesNewestFirst() {
        StoryView story = new StoryView("kremlin", 4, "PUBLISHED", HEADLINE, LEAD, BODY, Dateline.of("Москва"), "bg",
                                        null, EDITOR, FILED, CHANGED, List.of(), List.of(), List.of(), null);
        List<StoryRevision> history = List.of(
                new StoryRevision(1, FILED, EDITOR, StoryRevision.Kind.FILED, null, null, List.of("headline")),
                new StoryRevision(2, FILED.plusSeconds(60), EDITOR, StoryRevision.Kind.LINKED, null, null,
                                  List.of("threads")),
                new StoryRevision(3, FILED.plusSeconds(120), EDITOR, StoryRevision.Kind.CORRECTION,
                                  "Съкратено заглавие", null, List.of("headline")),
                new StoryRevision(4, CHANGED, EDITOR, StoryRevision.Kind.UPDATE, null, null, List.of("body")));

        ObjectNode ninjs = NinjsDocuments.of(story, history);

        NinjsSchema.assertValid(ninjs);
        assertThat(ninjs.path("associations")).extracting(association -> association.path("version").asText())
                                              .containsExactly("3", "1");
        assertThat(ninjs.path("associations").get(0).path("name").asText()).isEqualTo("previous-version");
        assertThat(ninjs.path("associations").get(0).path("uri").asText()).isEqualTo(ninjs.path("uri").asText());
        assertThat(ninjs.path("associations").get(0).path("edNote").asText()).isEqualTo("Съкратено заглавие");
    }

    @Test
    void mapsAWithdrawnStoryAsCanceledWithoutText() {
        StoryView story = new StoryView(
                "kim-pledge", 7, "WITHDRAWN", HEADLINE, LEAD, BODY, Dateline.of("Пхенян"), "bg", "world", EDITOR,
                FILED, CHANGED,
                List.of(List.of(new AttributionHop("КЦТА", "kcna", AttributionRole.ORIGINATOR),
                                new AttributionHop("Франс прес", "afp", AttributionRole.CITED_BY))),
                List.of("ukraine-peace-talks"), List.of(),
                new StoryView.Withdrawal("Източникът оттегли съобщението", EDITOR, CHANGED));

        ObjectNode ninjs = NinjsDocuments.of(story);

        NinjsSchema.assertValid(ninjs);
        assertThat(ninjs.get("pubStatus").asText()).isEqualTo("canceled");
        assertThat(ninjs.get("version").asText()).isEqualTo("7");
        assertThat(ninjs.get("edNote").asText()).isEqualTo("Източникът оттегли съобщението");
        assertThat(ninjs.has("headlines")).isFalse();
        assertThat(ninjs.has("descriptions")).isFalse();
        assertThat(ninjs.has("bodies")).isFalse();
        assertThat(ninjs.toString()).doesNotContain("Ким", "Шойгу");
        assertThat(ninjs.get("infoSources")).hasSize(2);
    }

    @Test
    void leavesOutWhatTheStoryDoesNotHave() {
        StoryView story = new StoryView(
                "germany-muslims-survey", 1, "PUBLISHED", "Половината мюсюлмани в Германия се чувстват дискриминирани",
                "Лийд.", "Текст.", Dateline.of("Берлин"), "bg", null, EDITOR, FILED, FILED, List.of(), List.of(),
                List.of(), null);

        ObjectNode ninjs = NinjsDocuments.of(story);

        NinjsSchema.assertValid(ninjs);
        assertThat(ninjs.get("bodies").get(0).get("value").asText()).isEqualTo("Лийд.\n\nТекст.");
        assertThat(ninjs.has("infoSources")).isFalse();
        assertThat(ninjs.has("subjects")).isFalse();
        assertThat(ninjs.has("associations")).isFalse();
        assertThat(ninjs.has("edNote")).isFalse();
        assertThat(ninjs.get("firstCreated")).isEqualTo(ninjs.get("versionCreated"));
    }

    /** Ids and slugs are URI-safe today; an id that is not still makes a valid URI. */
    @Test
    void makesAValidUriOfAnyId() {
        StoryView story = new StoryView(
                "Пхенян 1/2", 1, "PUBLISHED", "Заглавие", "Лийд.", "Текст.", Dateline.of("Пхенян"), "bg", null,
                EDITOR, FILED, FILED,
                List.of(List.of(new AttributionHop("Агенция с интервал", "agency one", AttributionRole.ORIGINATOR))),
                List.of(), List.of(new StoryView.Link("other story", StoryRelation.RELATED_TO)), null);

        ObjectNode ninjs = NinjsDocuments.of(story);

        NinjsSchema.assertValid(ninjs);
        assertThat(ninjs.get("uri").asText())
                .isEqualTo("urn:storyline:story:%D0%9F%D1%85%D0%B5%D0%BD%D1%8F%D0%BD%201%2F2");
        assertThat(ninjs.get("infoSources").get(0).get("uri").asText()).isEqualTo("urn:storyline:source:agency%20one");
        assertThat(ninjs.get("associations").get(0).get("uri").asText()).isEqualTo("urn:storyline:story:other%20story");
    }

    @Test
    void refusesAStatusItCannotMap() {
        StoryView story = new StoryView("s", 1, "EMBARGOED", "З", "Л.", "Т.", Dateline.of("София"), "bg", null, EDITOR,
                                        FILED, FILED, List.of(), List.of(), List.of(), null);

        assertThatThrownBy(() -> NinjsDocuments.of(story)).isInstanceOf(IllegalArgumentException.class)
                                                            .hasMessageContaining("EMBARGOED");
    }

    private static String escaped(String text) {
        return text.replace("\n", "\\n");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
