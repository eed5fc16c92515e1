package news.storyline.brief.web;

import com.fasterxml.jackson.databind.JsonNode;
import news.storyline.api.story.AttributionHop;
import news.storyline.api.story.AttributionRole;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryAttributedEvent;
import news.storyline.api.story.StoryEvent;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static news.storyline.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real brief-service answering who reported what and what a reader searches for, from events another writer
 * (standing in for story-service) appends to the shared event store. Yonhap is configured as an extra source here
 * only, as if story-service had recorded chains naming it before it learnt of it.
 */
@ServiceIT(properties = {"storyline.sources.extra[0].id=yonhap", "storyline.sources.extra[0].name=Yonhap",
                         "storyline.sources.extra[0].aliases[0]=Йонхап"})
@Import(EventStoreWriter.class)
class SourcesAndSearchIT {

    private static final Duration CONVERGENCE = Duration.ofSeconds(20);
    private static final Editor EDITOR = Editor.of("editor");

    @Autowired
    Api api;

    /** Appends the events to the event store, as story-service would. */
    @Autowired
    EventStoreWriter writer;

    /** Keeps this test's threads and words apart from the other tests' in the class's database. */
    private final String tag = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @Test
    void findsASourcesStoriesUnderAnyOfItsNamesWithTheRolesItPlayed() {
        String thread = "ukraine-peace-talks-" + tag;
        Instant filed = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String kim = newId();
        append(filed(kim, "Ким Чен-ун обеща подкрепа", "Лийд.", "Пхенян", filed),
               attributed(kim, hop("КЦТА", "kcna", AttributionRole.ORIGINATOR),
                          hop("Франс прес", "afp", AttributionRole.CITED_BY)),
               new StoryLinkedEvent(kim, LinkTarget.thread(thread), EDITOR, Instant.now()));
        String khamenei = newId();
        append(filed(khamenei, "Ирак поздрави Хаменей", "Лийд.", "Багдад", filed.plusSeconds(1)),
               attributed(khamenei, hop("AFP", "afp", AttributionRole.ORIGINATOR),
                          hop("Йонхап", null, AttributionRole.CARRIER)));

        await().atMost(CONVERGENCE).until(() -> ids(api.get("/api/sources/АФП/stories?thread=" + thread).getBody())
                .contains(kim));
        JsonNode answer = await().atMost(CONVERGENCE).until(() -> api.get("/api/sources/АФП/stories").getBody(),
                                                            body -> ids(body).containsAll(List.of(kim, khamenei)));

        assertThat(answer.get("source").get("id").asText()).isEqualTo("afp");
        assertThat(answer.get("source").get("name").asText()).isEqualTo("Agence France-Presse");
        assertThat(ids(answer).indexOf(khamenei)).isLessThan(ids(answer).indexOf(kim));
        JsonNode kimStory = story(answer, kim);
        assertThat(kimStory.get("headline").asText()).isEqualTo("Ким Чен-ун обеща подкрепа");
        assertThat(kimStory.get("dateline").get("place").asText()).isEqualTo("Пхенян");
        assertThat(Instant.parse(kimStory.get("filedAt").asText())).isEqualTo(filed);
        assertThat(kimStory.get("roles").toString()).isEqualTo("[\"CITED_BY\"]");
        assertThat(kimStory.get("threads").toString()).isEqualTo("[\"" + thread + "\"]");
        await().atMost(CONVERGENCE).until(() -> ids(api.get("/api/sources/Yonhap/stories").getBody())
                .contains(khamenei));

        for (String name : List.of("AFP", "Франс прес", "afp", "Agence France-Presse")) {
            assertThat(ids(api.get("/api/sources/" + name + "/stories?thread=" + thread).getBody())).as(name)
                    .containsExactly(kim);
        }
        assertThat(ids(api.get("/api/sources/KCNA/stories?thread=" + thread).getBody())).containsExactly(kim);
    }

    @Test
    void keepsAnUnknownSourceAsWrittenAndLeavesAWithdrawnStoryOut() {
        String source = "Вестник " + tag;
        String story = newId();
        append(filed(story, "Заглавие", "Лийд.", "София", Instant.now()),
               attributed(story, hop(source, null, AttributionRole.CARRIER)));

        String path = "/api/sources/" + source + "/stories";
        JsonNode answer = await().atMost(CONVERGENCE).until(() -> api.get(path).getBody(),
                                                            body -> ids(body).contains(story));
        assertThat(answer.get("source").get("name").asText()).isEqualTo(source);
        assertThat(answer.get("source").has("id")).isFalse();
        assertThat(story(answer, story).get("roles").toString()).isEqualTo("[\"CARRIER\"]");

        writer.append(story, 2, new StoryWithdrawnEvent(story, "Източникът оттегли", EDITOR, Instant.now()));

        await().atMost(CONVERGENCE).until(() -> ids(api.get(path).getBody()).isEmpty());
    }

    @Test
    void searchesTheCurrentHeadlinesAndLeadsInEitherScriptWhateverTheCase() {
        String iraq = append(filed(newId(), "Президентът на Ирак поздрави Моджтаба Хаменей " + tag,
                                   "Иракският президент поздрави новия върховен лидер на Иран.", "Багдад",
                                   Instant.now()));
        String afp = append(filed(newId(), "AFP: Khamenei named " + tag, "Mojtaba Khamenei was named supreme leader.",
                                  "Техеран", Instant.now().plusSeconds(1)));

        JsonNode found = await().atMost(CONVERGENCE).until(() -> search(tag), body -> body.get("results").size() == 2);
        assertThat(found.get("query").asText()).isEqualTo(tag);
        assertThat(resultIds(found)).containsExactly(afp, iraq);
        assertThat(found.get("results").get(1).get("dateline").get("place").asText()).isEqualTo("Багдад");
        assertThat(found.get("results").get(1).get("teaser").asText())
                .isEqualTo("Иракският президент поздрави новия върховен лидер на Иран.");
        assertThat(resultIds(search(tag.toUpperCase() + " ХАМЕН"))).containsExactly(iraq);
        assertThat(resultIds(search("khamenei SUPREME " + tag))).containsExactly(afp);
        assertThat(resultIds(search(tag + " лидер Хаменей Khamenei"))).isEmpty();
        assertThat(api.get("/api/search?limit=1&q=" + tag).getBody().get("results")).hasSize(1);

        writer.append(iraq, 1, new StoryUpdatedEvent(iraq, "Президентът на Ирак поздрави наследника " + tag, null, null,
                                                     RevisionKind.UPDATE, null, EDITOR, Instant.now()));
        writer.append(afp, 1, new StoryWithdrawnEvent(afp, "Грешка", EDITOR, Instant.now()));

        await().atMost(CONVERGENCE).until(() -> resultIds(search(tag + " НАСЛЕДН")).equals(List.of(iraq)));
        assertThat(resultIds(search(tag + " Моджтаба"))).isEmpty();
        await().atMost(CONVERGENCE).until(() -> resultIds(search(tag)).equals(List.of(iraq)));
    }

    @Test
    void refusesABlankMissingOrOverlongQuery() {
        for (String path : List.of("/api/search?q=", "/api/search?q=   ", "/api/search",
                                   "/api/search?q=" + "я".repeat(201))) {
            ResponseEntity<JsonNode> response = api.get(path);
            assertProblem(response, 400, "invalid-request");
            assertThat(response.getBody().get("field").asText()).as(path).isEqualTo("q");
        }
        assertThat(api.get("/api/search?q=" + "я".repeat(200)).getStatusCode().value()).isEqualTo(200);
        assertProblem(api.get("/api/search?q=x&limit=0"), 400, "invalid-request");
        assertProblem(api.get("/api/sources/AFP/stories?limit=101"), 400, "invalid-request");
    }

    /** Appends a story's events in order, the first at sequence number 0, and gives the story's id. */
    private String append(StoryEvent... events) {
        String id = events[0].storyId();
        writer.story(id, events);
        return id;
    }

    private static StoryFiledEvent filed(String id, String headline, String lead, String place, Instant at) {
        return new StoryFiledEvent(id, headline, lead, "Текст.", Dateline.of(place), "bg", "world", EDITOR, at);
    }

    private static StoryAttributedEvent attributed(String id, AttributionHop... chain) {
        return new StoryAttributedEvent(id, List.of(chain), EDITOR, Instant.now());
    }

    private static AttributionHop hop(String source, String sourceId, AttributionRole role) {
        return new AttributionHop(source, sourceId, role);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private JsonNode search(String text) {
        ResponseEntity<JsonNode> response = api.get("/api/search?q=" + text);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        return response.getBody();
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("stories").forEach(story -> ids.add(story.get("storyId").asText()));
        return ids;
    }

    private static JsonNode story(JsonNode answer, String id) {
        for (JsonNode story : answer.get("stories")) {
            if (story.get("storyId").asText().equals(id)) {
                return story;
            }
        }
        throw new AssertionError("No story " + id + " in " + answer);
    }

    private static List<String> resultIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("results").forEach(result -> ids.add(result.get("storyId").asText()));
        return ids;
    }
}
