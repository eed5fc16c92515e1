package news.storyline.brief.query;

import com.mongodb.client.MongoDatabase;
import news.storyline.api.query.FindStoriesBySourceQuery;
import news.storyline.api.query.SourceStories;
import news.storyline.api.query.SourceStories.AttributedStory;
import news.storyline.api.query.SourceStories.SourceRef;
import news.storyline.api.source.Source;
import news.storyline.api.source.SourceRegistry;
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
import news.storyline.api.story.StoryUnlinkedEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.StoryWithdrawnEvent;
import news.storyline.testsupport.TestMongo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static news.storyline.api.story.AttributionRole.CARRIER;
import static news.storyline.api.story.AttributionRole.CITED_BY;
import static news.storyline.api.story.AttributionRole.ORIGINATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The source index's handlers called directly, against a real MongoDB database of its own. */
class SourceIndexProjectionIT {

    private static final Instant FILED = Instant.parse("2026-03-09T08:00:00Z");
    private static final Editor EDITOR = Editor.of("editor");

    private final MongoDatabase database = TestMongo.client().getDatabase(TestMongo.freshDatabaseName("sources"));
    private final SourceIndexProjection sources = new SourceIndexProjection(database, SourceRegistry.agencies());

    @Test
    void findsASourceUnderEveryAliasInEveryScript() {
        file("kim", "Ким Чен-ун обеща подкрепа", "Пхенян", 0);
        attribute("kim", 1, hop("КЦТА", "kcna", ORIGINATOR), hop("Франс прес", "afp", CITED_BY));
        file("khamenei", "Ирак поздрави Хаменей", "Багдад", 60);
        attribute("khamenei", 1, hop("AFP", "afp", ORIGINATOR));
        file("peace", "Кремъл за мирните преговори", "Москва", 120);
        attribute("peace", 1, hop("ТАСС", "tass", ORIGINATOR));

        for (String name : List.of("AFP", "АФП", "Франс прес", "франс  ПРЕС", "afp", "Agence France-Presse")) {
            SourceStories found = find(name, null);
            assertThat(found.source()).as(name).isEqualTo(new SourceRef("afp", "Agence France-Presse"));
            assertThat(found.stories()).as(name).extracting(AttributedStory::storyId)
                                       .containsExactly("khamenei", "kim");
        }
        AttributedStory kim = find("АФП", null).stories().get(1);
        assertThat(kim.roles()).containsExactly(CITED_BY);
        assertThat(kim.headline()).isEqualTo("Ким Чен-ун обеща подкрепа");
        assertThat(kim.dateline()).isEqualTo(Dateline.of("Пхенян"));
        assertThat(kim.filedAt()).isEqualTo(FILED);
        assertThat(find("KCNA", null).stories()).extracting(AttributedStory::storyId).containsExactly("kim");
    }

    @Test
    void keepsAnUnknownSourceAsWrittenAndMatchesItWrittenAlike() {
        file("s1", "Заглавие", "София", 0);
        attribute("s1", 1, hop("Вестник „Родина“", null, CARRIER));

        SourceStories found = find("вестник родина", null);

        assertThat(found.source()).isEqualTo(new SourceRef(null, "вестник родина"));
        assertThat(found.stories()).extracting(AttributedStory::storyId).containsExactly("s1");
        assertThat(found.stories().get(0).roles()).containsExactly(CARRIER);
        assertThat(find("Вестник Република", null).stories()).isEmpty();
    }

    @Test
    void findsAKnownSourceWrittenUnderANameTheRegistryLearntAfterTheChainWasRecorded() {
        file("s1", "Заглавие", "Сеул", 0);
        attribute("s1", 1, hop("Йонхап", null, ORIGINATOR));
        SourceIndexProjection knowingYonhap = new SourceIndexProjection(database, SourceRegistry.agenciesAnd(
                List.of(new Source("yonhap", "Yonhap", List.of("Йонхап", "Yonhap")))));

        SourceStories found = knowingYonhap.handle(new FindStoriesBySourceQuery("Yonhap", null, 20));

        assertThat(found.source()).isEqualTo(new SourceRef("yonhap", "Yonhap"));
        assertThat(found.stories()).extracting(AttributedStory::storyId).containsExactly("s1");
    }

    @Test
    void givesEveryRoleTheSourcePlayedOnceInTheirOrder() {
        file("s1", "Заглавие", "Пномпен", 0);
        attribute("s1", 1, hop("Франс прес", "afp", CITED_BY), hop("АКП", "akp", ORIGINATOR));
        attribute("s1", 2, hop("AFP", "afp", ORIGINATOR));
        attribute("s1", 3, hop("АФП", "afp", CITED_BY));

        assertThat(find("afp", null).stories().get(0).roles()).containsExactly(ORIGINATOR, CITED_BY);
    }

    @Test
    void filtersToTheStoriesLinkedToAThreadNow() {
        file("kim", "Ким", "Пхенян", 0);
        attribute("kim", 1, hop("АФП", "afp", CITED_BY));
        sources.on(new StoryLinkedEvent("kim", LinkTarget.thread("ukraine-peace-talks"), EDITOR, FILED), 2);
        file("khamenei", "Хаменей", "Багдад", 60);
        attribute("khamenei", 1, hop("АФП", "afp", ORIGINATOR));
        sources.on(new StoryLinkedEvent("khamenei", LinkTarget.thread("irans-new-supreme-leader"), EDITOR, FILED), 2);
        sources.on(new StoryLinkedEvent("khamenei", LinkTarget.thread("ukraine-peace-talks"), EDITOR, FILED), 3);
        sources.on(new StoryLinkedEvent("khamenei", LinkTarget.story("kim", StoryRelation.RELATED_TO), EDITOR,
                                        FILED), 4);
        sources.on(new StoryUnlinkedEvent("khamenei", LinkTarget.thread("ukraine-peace-talks"), EDITOR, FILED), 5);

        assertThat(find("afp", "ukraine-peace-talks").stories()).extracting(AttributedStory::storyId)
                                                                .containsExactly("kim");
        assertThat(find("afp", "irans-new-supreme-leader").stories().get(0).threads())
                .containsExactly("irans-new-supreme-leader");
    }

    @Test
    void showsTheCurrentHeadline() {
        file("s1", "Първо", "Берлин", 0);
        attribute("s1", 1, hop("Ройтерс", "reuters", CARRIER));
        sources.on(new StoryUpdatedEvent("s1", "Второ", null, null, RevisionKind.CORRECTION, "бележка", EDITOR,
                                         FILED), 2);

        assertThat(find("Reuters", null).stories().get(0).headline()).isEqualTo("Второ");
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        file("s1", "Първо", "Берлин", 0);
        attribute("s1", 1, hop("АФП", "afp", ORIGINATOR));
        sources.on(new StoryLinkedEvent("s1", LinkTarget.thread("t"), EDITOR, FILED), 2);
        sources.on(new StoryUnlinkedEvent("s1", LinkTarget.thread("t"), EDITOR, FILED), 3);

        file("s1", "Първо", "Берлин", 0);
        attribute("s1", 1, hop("БТА", "bta", CARRIER));
        sources.on(new StoryLinkedEvent("s1", LinkTarget.thread("t"), EDITOR, FILED), 2);

        assertThat(find("afp", null).stories().get(0).threads()).isEmpty();
        assertThat(find("БТА", null).stories()).isEmpty();
        assertThat(database.getCollection("source_index").find().first().getLong("version")).isEqualTo(4);
    }

    @Test
    void refusesAnEventWhosePredecessorIsMissingSoThatItIsRetried() {
        file("s1", "Първо", "Берлин", 0);

        assertThatThrownBy(() -> attribute("s1", 2, hop("АФП", "afp", ORIGINATOR)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(find("afp", null).stories()).isEmpty();
    }

    @Test
    void aWithdrawnStoryLeavesEverySourcesList() {
        file("s1", "Грешна новина", "Москва", 0);
        attribute("s1", 1, hop("ТАСС", "tass", ORIGINATOR), hop("Вестник Родина", null, CARRIER));
        StoryWithdrawnEvent withdrawn = new StoryWithdrawnEvent("s1", "Източникът оттегли", EDITOR, FILED);

        sources.on(withdrawn, 2);
        sources.on(withdrawn, 2);
        file("s1", "Грешна новина", "Москва", 0);

        assertThat(find("TASS", null).stories()).isEmpty();
        assertThat(find("Вестник Родина", null).stories()).isEmpty();
        assertThat(database.getCollection("source_index").find().first().getString("headline")).isNull();
    }

    private SourceStories find(String source, String thread) {
        return sources.handle(new FindStoriesBySourceQuery(source, thread, 20));
    }

    private void file(String id, String headline, String place, long secondsAfter) {
        sources.on(new StoryFiledEvent(id, headline, "Лийд.", "Текст.", Dateline.of(place), "bg", "world", EDITOR,
                                       FILED.plusSeconds(secondsAfter)), 0);
    }

    private void attribute(String id, long sequenceNumber, AttributionHop... chain) {
        sources.on(new StoryAttributedEvent(id, List.of(chain), EDITOR, FILED), sequenceNumber);
    }

    private static AttributionHop hop(String source, String sourceId, AttributionRole role) {
        return new AttributionHop(source, sourceId, role);
    }
}
