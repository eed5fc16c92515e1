package news.storyline.brief.query;

import com.mongodb.client.MongoDatabase;
import news.storyline.api.query.DiffSegment;
import news.storyline.api.query.DiffSegment.Op;
import news.storyline.api.query.FindStoryDiffQuery;
import news.storyline.api.query.FindStoryHistoryQuery;
import news.storyline.api.query.StoryDiff;
import news.storyline.api.query.StoryHistory;
import news.storyline.api.query.StoryRevision;
import news.storyline.api.query.StoryRevision.Kind;
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
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The history projection's handlers called directly, against a real MongoDB database of their own. */
class StoryHistoryProjectionIT {

    private static final Instant FILED = Instant.parse("2026-03-09T08:00:00Z");
    private static final Editor FILER = new Editor("ivan", "Иван Петров");
    private static final Editor DESK = Editor.of("desk");

    private final MongoDatabase database = TestMongo.client().getDatabase(TestMongo.freshDatabaseName("history"));
    private final StoryHistoryProjection history = new StoryHistoryProjection(database);

    @Test
    void everyEventIsARevisionSayingWhoChangedWhatAndWhen() {
        history.on(filed("s1"), 0);
        history.on(new StoryAttributedEvent("s1", List.of(new AttributionHop("КЦТА", "kcna", AttributionRole.ORIGINATOR)),
                                            DESK, FILED.plusSeconds(10)), 1);
        history.on(new StoryLinkedEvent("s1", LinkTarget.thread("ukraine-peace-talks"), DESK, FILED.plusSeconds(20)), 2);
        history.on(new StoryUpdatedEvent("s1", null, null, "Ким се срещна днес с Шойгу.", RevisionKind.CORRECTION,
                                         "Грешна дата", FILER, FILED.plusSeconds(30)), 3);
        history.on(new StoryUnlinkedEvent("s1", LinkTarget.story("s0", StoryRelation.RELATED_TO), DESK,
                                          FILED.plusSeconds(40)), 4);
        history.on(new StoryUpdatedEvent("s1", "Ким Чен-ун обеща на Русия подкрепа", null, null, RevisionKind.UPDATE,
                                         null, FILER, FILED.plusSeconds(50)), 5);

        StoryHistory found = history.handle(new FindStoryHistoryQuery("s1")).orElseThrow();

        assertThat(found.storyId()).isEqualTo("s1");
        assertThat(found.revisions()).containsExactly(
                new StoryRevision(1, FILED, FILER, Kind.FILED, null, null, List.of("headline", "lead", "body")),
                new StoryRevision(2, FILED.plusSeconds(10), DESK, Kind.ATTRIBUTED, null, null, List.of("attributions")),
                new StoryRevision(3, FILED.plusSeconds(20), DESK, Kind.LINKED, null, null, List.of("threads")),
                new StoryRevision(4, FILED.plusSeconds(30), FILER, Kind.CORRECTION, "Грешна дата", null, List.of("body")),
                new StoryRevision(5, FILED.plusSeconds(40), DESK, Kind.UNLINKED, null, null, List.of("links")),
                new StoryRevision(6, FILED.plusSeconds(50), FILER, Kind.UPDATE, null, null, List.of("headline")));
        assertThat(history.handle(new FindStoryHistoryQuery("missing"))).isEmpty();
    }

    @Test
    void eachRevisionCarriesTheWholeTextAsItStoodThen() {
        history.on(filed("s1"), 0);
        history.on(new StoryLinkedEvent("s1", LinkTarget.thread("t"), DESK, FILED), 1);
        history.on(new StoryUpdatedEvent("s1", null, null, "Ким се срещна днес с Шойгу.", RevisionKind.CORRECTION,
                                         "Грешна дата", FILER, FILED), 2);

        assertThat(text("s1", 2)).containsExactly("Ким Чен-ун обеща подкрепа", "Ким обеща на Москва подкрепа.",
                                                  "Ким се срещна вчера с Шойгу.");
        assertThat(text("s1", 3)).containsExactly("Ким Чен-ун обеща подкрепа", "Ким обеща на Москва подкрепа.",
                                                  "Ким се срещна днес с Шойгу.");
    }

    @Test
    void aFieldSetToWhatItWasIsNotCountedAsChanged() {
        history.on(filed("s1"), 0);
        history.on(new StoryUpdatedEvent("s1", "Ким Чен-ун обеща подкрепа", "Нов лийд.", null, RevisionKind.UPDATE,
                                         null, FILER, FILED), 1);

        assertThat(history.handle(new FindStoryHistoryQuery("s1")).orElseThrow().latest().changed())
                .containsExactly("lead");
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        history.on(filed("s1"), 0);
        StoryUpdatedEvent correction = new StoryUpdatedEvent("s1", "Поправено заглавие", null, null,
                                                             RevisionKind.CORRECTION, "бележка", FILER, FILED);
        history.on(correction, 1);
        history.on(new StoryUpdatedEvent("s1", "Трето заглавие", null, null, RevisionKind.UPDATE, null, FILER, FILED), 2);

        history.on(filed("s1"), 0);
        history.on(correction, 1);

        StoryHistory found = history.handle(new FindStoryHistoryQuery("s1")).orElseThrow();
        assertThat(found.revisions()).extracting(StoryRevision::version).containsExactly(1L, 2L, 3L);
        assertThat(text("s1", 2).get(0)).isEqualTo("Поправено заглавие");
        assertThat(text("s1", 3).get(0)).isEqualTo("Трето заглавие");
    }

    @Test
    void refusesAnEventWhosePredecessorIsMissingSoThatItIsRetried() {
        history.on(filed("s1"), 0);

        assertThatThrownBy(() -> history.on(new StoryLinkedEvent("s1", LinkTarget.thread("t"), DESK, FILED), 2))
                .isInstanceOf(IllegalStateException.class);
        assertThat(history.handle(new FindStoryHistoryQuery("s1")).orElseThrow().revisions()).hasSize(1);
    }

    @Test
    void aWithdrawalKeepsTheFactAndTheReasonAndRemovesTheTextOfEveryRevision() {
        history.on(filed("s1"), 0);
        history.on(new StoryUpdatedEvent("s1", "Второ заглавие", null, null, RevisionKind.UPDATE, null, FILER, FILED), 1);
        history.on(filed("other"), 0);
        StoryWithdrawnEvent withdrawn = new StoryWithdrawnEvent("s1", "Източникът оттегли", DESK, FILED.plusSeconds(60));

        history.on(withdrawn, 2);
        history.on(withdrawn, 2);
        history.on(filed("s1"), 0);

        StoryRevision latest = history.handle(new FindStoryHistoryQuery("s1")).orElseThrow().latest();
        assertThat(latest).isEqualTo(new StoryRevision(3, FILED.plusSeconds(60), DESK, Kind.WITHDRAWN, null,
                                                       "Източникът оттегли", List.of("status")));
        for (Document revision : database.getCollection("revisions").find(eq("storyId", "s1"))) {
            assertThat(revision).doesNotContainKeys("headline", "lead", "body");
        }
        assertThat(history.handle(new FindStoryDiffQuery("s1", 1, 2))).isEmpty();
        assertThat(text("other", 1).get(0)).isEqualTo("Ким Чен-ун обеща подкрепа");
    }

    @Test
    void comparesTwoVersionsWordByWordFieldByField() {
        history.on(filed("s1"), 0);
        history.on(new StoryLinkedEvent("s1", LinkTarget.thread("t"), DESK, FILED), 1);
        history.on(new StoryUpdatedEvent("s1", null, null, "Ким се срещна днес с Шойгу.", RevisionKind.CORRECTION,
                                         "Грешна дата", FILER, FILED), 2);

        StoryDiff diff = history.handle(new FindStoryDiffQuery("s1", 1, 3)).orElseThrow();

        assertThat(diff.from()).isEqualTo(1);
        assertThat(diff.to()).isEqualTo(3);
        assertThat(diff.headline()).containsExactly(new DiffSegment(Op.EQUAL, "Ким Чен-ун обеща подкрепа"));
        assertThat(diff.body()).containsExactly(new DiffSegment(Op.EQUAL, "Ким се срещна "),
                                                new DiffSegment(Op.DELETE, "вчера"),
                                                new DiffSegment(Op.INSERT, "днес"),
                                                new DiffSegment(Op.EQUAL, " с Шойгу."));
        assertThat(history.handle(new FindStoryDiffQuery("s1", 1, 4))).isEmpty();
    }

    private List<String> text(String storyId, long version) {
        Document revision = database.getCollection("revisions").find(eq("_id", storyId + ":" + version)).first();
        List<String> text = new ArrayList<>();
        for (String field : List.of("headline", "lead", "body")) {
            text.add(revision.getString(field));
        }
        return text;
    }

    private static StoryFiledEvent filed(String id) {
        return new StoryFiledEvent(id, "Ким Чен-ун обеща подкрепа", "Ким обеща на Москва подкрепа.",
                                   "Ким се срещна вчера с Шойгу.", Dateline.of("Пхенян"), "bg", "world", FILER, FILED);
    }
}
