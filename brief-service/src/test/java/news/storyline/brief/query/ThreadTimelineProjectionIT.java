package news.storyline.brief.query;

import com.mongodb.client.MongoDatabase;
import news.storyline.api.query.FindThreadQuery;
import news.storyline.api.query.FindTimelineEntryQuery;
import news.storyline.api.query.FindThreadsQuery;
import news.storyline.api.query.FindTimelineQuery;
import news.storyline.api.query.QueryRefusedException;
import news.storyline.api.query.ThreadSummary;
import news.storyline.api.query.TimelineEntry;
import news.storyline.api.query.TimelinePage;
import news.storyline.api.story.AttributionHop;
import news.storyline.api.story.AttributionRole;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryAttributedEvent;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryUnlinkedEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.StoryWithdrawnEvent;
import news.storyline.api.thread.ThreadClosedEvent;
import news.storyline.api.thread.ThreadOpenedEvent;
import news.storyline.api.thread.ThreadRenamedEvent;
import news.storyline.testsupport.TestMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** The thread timelines' handlers called directly, against a real MongoDB database of their own. */
class ThreadTimelineProjectionIT {

    private static final String UKRAINE = "ukraine-peace-talks";
    private static final Instant T0 = Instant.parse("2026-03-09T08:00:00Z");
    private static final Editor EDITOR = new Editor("local-editor", "Иван Петров");

    private final MongoDatabase database = TestMongo.client().getDatabase(TestMongo.freshDatabaseName("timelines"));
    private final ThreadTimelineProjection timelines = new ThreadTimelineProjection(database);

    @BeforeEach
    void openThread() {
        timelines.on(new ThreadOpenedEvent(UKRAINE, "Мирните преговори за Украйна", "Развитие", EDITOR, T0), 0);
    }

    @Test
    void aStoryLinkedLaterBringsItsEarlierEventsAlong() {
        file("kim", "Ким Чен-ун обеща подкрепа", "Пхенян", at(1));
        timelines.on(new StoryAttributedEvent("kim", List.of(new AttributionHop("КЦТА", "kcna",
                AttributionRole.ORIGINATOR)), EDITOR, at(2)), 1);
        link("kim", 2, at(3));

        List<TimelineEntry> entries = page(null, 10, null).entries();

        assertThat(entries).extracting(TimelineEntry::kind).containsExactly("LINKED", "ATTRIBUTED", "FILED");
        assertThat(entries).extracting(TimelineEntry::version).containsExactly(3L, 2L, 1L);
        assertThat(entries.get(2).dateline()).isEqualTo(Dateline.of("Пхенян"));
        assertThat(entries.get(2).attribution()).isEmpty();
        assertThat(entries.get(1).attribution().get(0).get(0).sourceId()).isEqualTo("kcna");
    }

    @Test
    void eachEntryShowsTheHeadlineAsItStoodThen() {
        file("kim", "Ким обеща подкрепа", "Пхенян", at(1));
        link("kim", 1, at(2));
        timelines.on(new StoryUpdatedEvent("kim", "Ким Чен-ун обеща „безусловна подкрепа“", null, null,
                                           RevisionKind.CORRECTION, "Точен цитат", EDITOR, at(3)), 2);

        List<TimelineEntry> entries = page(null, 10, null).entries();

        assertThat(entries).extracting(TimelineEntry::kind).containsExactly("CORRECTED", "LINKED", "FILED");
        assertThat(entries).extracting(TimelineEntry::headline)
                           .containsExactly("Ким Чен-ун обеща „безусловна подкрепа“", "Ким обеща подкрепа",
                                            "Ким обеща подкрепа");
    }

    @Test
    void showsTheThreadAsItStoodAtAnInstant() {
        file("kim", "Ким обеща подкрепа", "Пхенян", at(1));
        file("kremlin", "Кремъл: преговорите продължават", "Москва", at(2));
        link("kremlin", 1, at(3));
        link("kim", 1, at(5));
        timelines.on(new StoryUpdatedEvent("kremlin", "Кремъл: преговорите трябва да продължат", null, null,
                                           RevisionKind.CORRECTION, null, EDITOR, at(6)), 2);
        timelines.on(new StoryUnlinkedEvent("kremlin", LinkTarget.thread(UKRAINE), EDITOR, at(8)), 3);

        assertThat(page(null, 10, at(2)).entries()).isEmpty();
        assertThat(page(null, 10, at(4)).entries()).extracting(TimelineEntry::storyId, TimelineEntry::kind)
                .containsExactly(tuple("kremlin", "LINKED"),
                                 tuple("kremlin", "FILED"));
        assertThat(page(null, 10, at(7)).entries()).extracting(TimelineEntry::kind)
                .containsExactly("CORRECTED", "LINKED", "LINKED", "FILED", "FILED");
        assertThat(page(null, 10, null).entries()).extracting(TimelineEntry::storyId).containsOnly("kim");
    }

    @Test
    void findsTheEntryOfOneEventOfAStoryInAThreadAlsoOnceTheStoryLeftIt() {
        file("kremlin", "Кремъл: преговорите продължават", "Москва", at(1));
        link("kremlin", 1, at(2));
        timelines.on(new StoryUnlinkedEvent("kremlin", LinkTarget.thread(UKRAINE), EDITOR, at(3)), 2);

        assertThat(timelines.handle(new FindTimelineEntryQuery(UKRAINE, "kremlin", 2)))
                .hasValueSatisfying(entry -> assertThat(entry.kind()).isEqualTo("LINKED"));
        assertThat(timelines.handle(new FindTimelineEntryQuery(UKRAINE, "kremlin", 3)))
                .hasValueSatisfying(entry -> assertThat(entry.kind()).isEqualTo("UNLINKED"));
        assertThat(timelines.handle(new FindTimelineEntryQuery(UKRAINE, "kremlin", 4))).as("not recorded yet")
                                                                                     .isEmpty();
        assertThat(timelines.handle(new FindTimelineEntryQuery("gaza", "kremlin", 2))).as("another thread").isEmpty();
    }

    @Test
    void pagesStayStableWhileNewEventsArrive() {
        for (int n = 0; n < 5; n++) {
            file("s" + n, "История " + n, "Москва", at(10 + n));
            link("s" + n, 1, at(20 + n));
        }
        List<TimelineEntry> seen = new ArrayList<>();
        TimelinePage first = page(null, 4, null);
        seen.addAll(first.entries());

        file("late", "Нова история", "Киев", at(40));
        link("late", 1, at(41));

        String cursor = first.next();
        while (cursor != null) {
            TimelinePage next = page(cursor, 4, null);
            seen.addAll(next.entries());
            cursor = next.next();
        }

        assertThat(seen).hasSize(10).doesNotHaveDuplicates();
        assertThat(seen).extracting(TimelineEntry::at).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(seen).extracting(TimelineEntry::storyId).doesNotContain("late");
    }

    @Test
    void refusesACursorItDidNotHandOut() {
        assertThatThrownBy(() -> page("not-a-cursor", 10, null)).isInstanceOf(QueryRefusedException.class);
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        file("kim", "Ким", "Пхенян", at(1));
        link("kim", 1, at(2));
        file("kim", "Ким", "Пхенян", at(1));
        link("kim", 1, at(2));

        assertThat(page(null, 10, null).entries()).hasSize(2);
        assertThatThrownBy(() -> timelines.on(new StoryUpdatedEvent("kim", "X", null, null, RevisionKind.UPDATE,
                                                                    null, EDITOR, at(9)), 5))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWithdrawnStoryKeepsItsEntriesButNotItsText() {
        file("kim", "Грешна новина", "Пхенян", at(1));
        link("kim", 1, at(2));
        timelines.on(new StoryWithdrawnEvent("kim", "Източникът оттегли", EDITOR, at(3)), 2);

        List<TimelineEntry> entries = page(null, 10, null).entries();

        assertThat(entries).extracting(TimelineEntry::kind).containsExactly("WITHDRAWN", "LINKED", "FILED");
        assertThat(entries).extracting(TimelineEntry::headline).containsOnlyNulls();
    }

    @Test
    void summarizesThreadsMostRecentlyActiveFirst() {
        timelines.on(new ThreadOpenedEvent("iran", "Новият върховен лидер на Иран", null, EDITOR, T0), 0);
        file("kim", "Ким", "Пхенян", at(1));
        link("kim", 1, at(2));
        file("iraq", "Ирак поздрави Хаменей", "Багдад", at(3));
        timelines.on(new StoryLinkedEvent("iraq", LinkTarget.thread("iran"), EDITOR, at(4)), 1);
        timelines.on(new ThreadRenamedEvent(UKRAINE, "Преговорите за Украйна", null, EDITOR, at(5)), 1);
        timelines.on(new ThreadClosedEvent(UKRAINE, EDITOR, at(6)), 2);

        ThreadSummary ukraine = timelines.handle(new FindThreadQuery(UKRAINE)).orElseThrow();

        assertThat(ukraine.version()).isEqualTo(3);
        assertThat(ukraine.title()).isEqualTo("Преговорите за Украйна");
        assertThat(ukraine.description()).isEqualTo("Развитие");
        assertThat(ukraine.status()).isEqualTo("CLOSED");
        assertThat(ukraine.stories()).isEqualTo(1);
        assertThat(ukraine.entries()).isEqualTo(2);
        assertThat(ukraine.firstActivity()).isEqualTo(at(1));
        assertThat(ukraine.lastActivity()).isEqualTo(at(2));
        assertThat(timelines.handle(new FindThreadsQuery()).threads()).extracting(ThreadSummary::slug)
                                                                      .containsExactly("iran", UKRAINE);
        assertThat(timelines.handle(new FindThreadQuery("nothing"))).isEmpty();
        assertThat(timelines.handle(new FindTimelineQuery("nothing", null, 10, null))).isEmpty();
    }

    @Test
    void keepsTheSummaryRightThroughLinksUnlinksCorrectionsAndWithdrawals() {
        file("kim", "Ким", "Пхенян", at(1));
        file("kremlin", "Кремъл", "Москва", at(2));
        link("kim", 1, at(3));
        link("kremlin", 1, at(4));
        timelines.on(new StoryUpdatedEvent("kremlin", "Кремъл: поправено", null, null, RevisionKind.CORRECTION,
                                           "Точен цитат", EDITOR, at(5)), 2);
        assertSummary(2, 5, at(1), at(5));

        timelines.on(new StoryUnlinkedEvent("kremlin", LinkTarget.thread(UKRAINE), EDITOR, at(6)), 3);
        assertSummary(1, 2, at(1), at(3));

        timelines.on(new StoryWithdrawnEvent("kim", "Източникът оттегли", EDITOR, at(7)), 2);
        assertSummary(1, 3, at(1), at(7));

        timelines.on(new StoryUnlinkedEvent("kim", LinkTarget.thread(UKRAINE), EDITOR, at(8)), 3);
        assertSummary(0, 0, null, null);

        link("kremlin", 4, at(9));
        assertSummary(1, 5, at(2), at(9));
    }

    @Test
    void aSummaryCountsAnEventDeliveredAgainOnce() {
        file("kim", "Ким", "Пхенян", at(1));
        link("kim", 1, at(2));
        timelines.on(new StoryUpdatedEvent("kim", "Ким Чен-ун", null, null, RevisionKind.UPDATE, null, EDITOR,
                                           at(3)), 2);
        link("kim", 1, at(2));
        timelines.on(new StoryUpdatedEvent("kim", "Ким Чен-ун", null, null, RevisionKind.UPDATE, null, EDITOR,
                                           at(3)), 2);

        assertSummary(1, 3, at(1), at(3));
    }

    @Test
    void asOfAnInstantShowsAStoryThatLeftAndCameBackOnlyWhileItWasLinked() {
        file("kremlin", "Кремъл", "Москва", at(1));
        link("kremlin", 1, at(2));
        timelines.on(new StoryUnlinkedEvent("kremlin", LinkTarget.thread(UKRAINE), EDITOR, at(3)), 2);
        timelines.on(new StoryUpdatedEvent("kremlin", "Кремъл: поправено", null, null, RevisionKind.CORRECTION,
                                           null, EDITOR, at(4)), 3);
        link("kremlin", 4, at(5));

        assertThat(page(null, 10, at(2)).entries()).extracting(TimelineEntry::kind).containsExactly("LINKED", "FILED");
        assertThat(page(null, 10, at(4)).entries()).as("unlinked then").isEmpty();
        assertThat(page(null, 10, at(5)).entries()).extracting(TimelineEntry::kind)
                .containsExactly("LINKED", "CORRECTED", "UNLINKED", "LINKED", "FILED");
        assertThat(page(null, 10, null).entries()).extracting(TimelineEntry::headline)
                .containsExactly("Кремъл: поправено", "Кремъл: поправено", "Кремъл", "Кремъл", "Кремъл");
    }

    private void assertSummary(long stories, long entries, Instant first, Instant last) {
        ThreadSummary summary = timelines.handle(new FindThreadQuery(UKRAINE)).orElseThrow();
        assertThat(summary).extracting(ThreadSummary::stories, ThreadSummary::entries, ThreadSummary::firstActivity,
                                       ThreadSummary::lastActivity)
                           .containsExactly(stories, entries, first, last);
        assertThat(timelines.handle(new FindThreadsQuery()).threads()).containsExactly(summary);
    }

    private void file(String id, String headline, String place, Instant at) {
        timelines.on(new StoryFiledEvent(id, headline, "Лийд.", "Текст.", Dateline.of(place), "bg", "world", EDITOR,
                                         at), 0);
    }

    private void link(String id, long sequenceNumber, Instant at) {
        timelines.on(new StoryLinkedEvent(id, LinkTarget.thread(UKRAINE), EDITOR, at), sequenceNumber);
    }

    private TimelinePage page(String cursor, int limit, Instant asOf) {
        return timelines.handle(new FindTimelineQuery(UKRAINE, cursor, limit, asOf)).orElseThrow();
    }

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }
}
