package news.storyline.brief.query;

import com.mongodb.client.MongoDatabase;
import news.storyline.api.query.Brief;
import news.storyline.api.query.SearchResults;
import news.storyline.api.query.SearchStoriesQuery;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.StoryWithdrawnEvent;
import news.storyline.testsupport.TestMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The search index's handlers called directly, against a real MongoDB database of its own. */
class SearchProjectionIT {

    private static final Instant FILED = Instant.parse("2026-03-09T08:00:00Z");
    private static final Editor EDITOR = Editor.of("editor");

    private final MongoDatabase database = TestMongo.client().getDatabase(TestMongo.freshDatabaseName("search"));
    private final SearchProjection search = new SearchProjection(database, new Teasers(new Teasers.Settings(20, 200)));

    /** Three of the seed page's stories, filed a minute apart, the newest last. */
    @BeforeEach
    void fileTheSeedPagesStories() {
        file("kim", "Пхенян", "Ким Чен-ун обеща на Русия „безусловна подкрепа“",
             "Севернокорейският лидер Ким Чен-ун обеща на Москва „безусловна подкрепа“ за войната в Украйна, "
                     + "съобщи КЦТА, цитирана от Франс прес.", 0);
        file("iraq", "Багдад", "Президентът на Ирак поздрави Моджтаба Хаменей",
             "Иракският президент Абдел Латиф Рашид поздрави Моджтаба Хаменей за назначаването му на поста нов "
                     + "върховен лидер на Иран, предадоха ИРНА и други агенции в неделя.", 60);
        file("afp", "Техеран", "AFP: Khamenei's son named Supreme Leader",
             "Mojtaba Khamenei was named Iran's new supreme leader, AFP reported on Sunday.", 120);
    }

    @Test
    void findsAWordInTheHeadlineOrTheLeadWhateverItsCase() {
        assertThat(ids("хаменей")).containsExactly("iraq");
        assertThat(ids("ХАМЕНЕЙ")).containsExactly("iraq");
        assertThat(ids("КЦТА")).containsExactly("kim");
        assertThat(ids("kHaMeNeI")).containsExactly("afp");
    }

    @Test
    void theLastWordMayBeTheStartOfALongerOne() {
        assertThat(ids("Хамен")).containsExactly("iraq");
        assertThat(ids("Khamen")).containsExactly("afp");
        assertThat(ids("Хаменей поздр")).containsExactly("iraq");
        assertThat(ids("поздр Хаменей")).isEmpty();
    }

    @Test
    void everyWordMustMatch() {
        assertThat(ids("лидер")).containsExactly("iraq", "kim");
        assertThat(ids("лидер Иран")).containsExactly("iraq");
        assertThat(ids("лидер Иран Ким")).isEmpty();
        assertThat(ids("supreme leader")).containsExactly("afp");
    }

    @Test
    void answersNewestFirstAsBriefsUpToTheLimit() {
        SearchResults results = search.handle(new SearchStoriesQuery("на", 10));

        assertThat(results.query()).isEqualTo("на");
        assertThat(results.results()).extracting(Brief::storyId).containsExactly("iraq", "kim");
        Brief iraq = results.results().get(0);
        assertThat(iraq.headline()).isEqualTo("Президентът на Ирак поздрави Моджтаба Хаменей");
        assertThat(iraq.dateline()).isEqualTo(Dateline.of("Багдад"));
        assertThat(iraq.teaser()).isEqualTo("Иракският президент Абдел Латиф Рашид поздрави Моджтаба Хаменей за "
                                                    + "назначаването му на поста нов върховен лидер на Иран, "
                                                    + "предадоха ИРНА...");
        assertThat(search.handle(new SearchStoriesQuery("на", 1)).results()).hasSize(1);
    }

    @Test
    void findsNothingForAQueryWithoutWords() {
        assertThat(ids("„…“ — !?")).isEmpty();
    }

    @Test
    void searchesTheTextAsItStandsNow() {
        update("iraq", 1, "Президентът на Ирак поздрави новия върховен лидер на Иран", null);
        update("kim", 1, null, "Лидерът на КНДР обеща подкрепа.");
        search.on(new StoryLinkedEvent("kim", LinkTarget.thread("t"), EDITOR, FILED), 2);
        update("kim", 3, "Пхенян обеща подкрепа на Москва", null);

        assertThat(ids("новия")).containsExactly("iraq");
        assertThat(ids("Хаменей")).containsExactly("iraq");
        assertThat(ids("Ким")).isEmpty();
        assertThat(ids("КНДР Пхенян")).containsExactly("kim");
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        update("iraq", 1, "Ново заглавие", null);
        update("iraq", 2, "Трето заглавие", null);

        update("iraq", 1, "Ново заглавие", null);
        file("iraq", "Багдад", "Президентът на Ирак поздрави Моджтаба Хаменей", "Лийд.", 60);

        assertThat(ids("Ново")).isEmpty();
        assertThat(ids("Трето")).containsExactly("iraq");
        assertThat(ids("Моджтаба")).containsExactly("iraq");
    }

    @Test
    void refusesAnEventWhosePredecessorIsMissingSoThatItIsRetried() {
        assertThatThrownBy(() -> update("iraq", 2, "Трето", null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> update("missing", 1, "Второ", null)).isInstanceOf(IllegalStateException.class);
        assertThat(ids("Трето")).isEmpty();
    }

    @Test
    void aWithdrawnStoryLeavesTheIndex() {
        StoryWithdrawnEvent withdrawn = new StoryWithdrawnEvent("iraq", "Източникът оттегли", EDITOR, FILED);

        search.on(withdrawn, 1);
        search.on(withdrawn, 1);
        update("iraq", 1, "Ново заглавие", null);

        assertThat(ids("Хаменей")).isEmpty();
        assertThat(ids("Ирак")).isEmpty();
        assertThat(ids("Ново")).isEmpty();
        assertThat(ids("лидер")).containsExactly("kim");
    }

    private List<String> ids(String text) {
        return search.handle(new SearchStoriesQuery(text, 20)).results().stream().map(Brief::storyId).toList();
    }

    private void file(String id, String place, String headline, String lead, long secondsAfter) {
        search.on(new StoryFiledEvent(id, headline, lead, "Текст.", Dateline.of(place), "bg", "world", EDITOR,
                                      FILED.plusSeconds(secondsAfter)), 0);
    }

    private void update(String id, long sequenceNumber, String headline, String lead) {
        search.on(new StoryUpdatedEvent(id, headline, lead, null, RevisionKind.UPDATE, null, EDITOR, FILED),
                  sequenceNumber);
    }
}
