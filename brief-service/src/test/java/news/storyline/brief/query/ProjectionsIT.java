package news.storyline.brief.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.storyline.api.query.BriefList;
import news.storyline.api.query.FindBriefsQuery;
import news.storyline.api.query.FindStoryQuery;
import news.storyline.api.query.StoryView;
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
import news.storyline.api.story.StoryRelation;
import news.storyline.api.story.StoryUnlinkedEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.StoryWithdrawnEvent;
import news.storyline.api.thread.ThreadOpenedEvent;
import news.storyline.brief.feed.FeedHead;
import news.storyline.testsupport.TestMongo;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The projections' handlers called directly, against a real MongoDB database of their own. */
class ProjectionsIT {

    private static final Instant FILED = Instant.parse("2026-03-09T08:00:00Z");
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MongoDatabase database = TestMongo.client().getDatabase(TestMongo.freshDatabaseName("projections"));
    private final StoryProjection stories = new StoryProjection(database);
    private final BriefProjection briefs = new BriefProjection(database, new Teasers(new Teasers.Settings(20, 200)));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FeedProjection feed = new FeedProjection(database, meters);

    @Test
    void aStoryReflectsItsFilingAndRevisions() {
        stories.on(filed("s1", "Заглавие"), 0);
        stories.on(updated("s1", "Поправено заглавие"), 1);

        StoryView story = stories.handle(new FindStoryQuery("s1")).orElseThrow();

        assertThat(story.version()).isEqualTo(2);
        assertThat(story.headline()).isEqualTo("Поправено заглавие");
        assertThat(story.lead()).isEqualTo("Лийд за Заглавие.");
        assertThat(story.dateline()).isEqualTo(Dateline.of("Пхенян"));
        assertThat(stories.handle(new FindStoryQuery("missing"))).isEmpty();
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        stories.on(filed("s1", "Първо"), 0);
        stories.on(updated("s1", "Второ"), 1);
        stories.on(updated("s1", "Трето"), 2);

        stories.on(filed("s1", "Първо"), 0);
        stories.on(updated("s1", "Второ"), 1);

        StoryView story = stories.handle(new FindStoryQuery("s1")).orElseThrow();
        assertThat(story.headline()).isEqualTo("Трето");
        assertThat(story.version()).isEqualTo(3);
    }

    @Test
    void refusesAnEventWhosePredecessorIsMissingSoThatItIsRetried() {
        stories.on(filed("s1", "Първо"), 0);

        assertThatThrownBy(() -> stories.on(updated("s1", "Трето"), 2)).isInstanceOf(IllegalStateException.class);
        assertThat(stories.handle(new FindStoryQuery("s1")).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void aStoryShowsItsChainsThreadsAndLinks() {
        Editor editor = Editor.of("e");
        stories.on(filed("s1", "Ким"), 0);
        stories.on(new StoryAttributedEvent("s1", List.of(new AttributionHop("КЦТА", "kcna", AttributionRole.ORIGINATOR),
                new AttributionHop("Франс прес", "afp", AttributionRole.CITED_BY)), editor, FILED), 1);
        stories.on(new StoryLinkedEvent("s1", LinkTarget.thread("ukraine-peace-talks"), editor, FILED), 2);
        stories.on(new StoryLinkedEvent("s1", LinkTarget.story("s0", StoryRelation.RELATED_TO), editor, FILED), 3);
        stories.on(new StoryLinkedEvent("s1", LinkTarget.story("s0", StoryRelation.FOLLOW_UP_OF), editor, FILED), 4);
        stories.on(new StoryLinkedEvent("s1", LinkTarget.thread("other"), editor, FILED), 5);
        stories.on(new StoryUnlinkedEvent("s1", LinkTarget.thread("other"), editor, FILED), 6);
        stories.on(new StoryLinkedEvent("s1", LinkTarget.thread("ukraine-peace-talks"), editor, FILED), 2);

        StoryView story = stories.handle(new FindStoryQuery("s1")).orElseThrow();

        assertThat(story.version()).isEqualTo(7);
        assertThat(story.attributions()).hasSize(1);
        assertThat(story.attributions().get(0)).extracting(AttributionHop::sourceId).containsExactly("kcna", "afp");
        assertThat(story.threads()).containsExactly("ukraine-peace-talks");
        assertThat(story.links()).containsExactly(new StoryView.Link("s0", StoryRelation.FOLLOW_UP_OF));
    }

    @Test
    void aWithdrawnStoryKeepsTheFactNotTheText() {
        stories.on(filed("s1", "Грешна новина"), 0);
        briefs.on(filed("s1", "Грешна новина"), 0);
        StoryWithdrawnEvent withdrawn = new StoryWithdrawnEvent("s1", "Източникът оттегли", Editor.of("e"), FILED);

        stories.on(withdrawn, 1);
        briefs.on(withdrawn, 1);
        briefs.on(filed("s1", "Грешна новина"), 0);

        StoryView story = stories.handle(new FindStoryQuery("s1")).orElseThrow();
        assertThat(story.status()).isEqualTo("WITHDRAWN");
        assertThat(story.withdrawal().reason()).isEqualTo("Източникът оттегли");
        assertThat(story.headline()).isNull();
        assertThat(story.body()).isNull();
        assertThat(briefs.handle(FindBriefsQuery.newest(10)).briefs()).isEmpty();
    }

    @Test
    void eventsAReadModelShowsNothingOfStillAdvanceItsVersion() {
        briefs.on(filed("s1", "Първо"), 0);
        briefs.on((StoryEvent) new StoryLinkedEvent("s1", LinkTarget.thread("t"), Editor.of("e"), FILED), 1);
        briefs.on(updated("s1", "Второ"), 2);

        assertThat(briefs.handle(FindBriefsQuery.newest(1)).briefs().get(0).headline()).isEqualTo("Второ");
    }

    @Test
    void briefsListTheNewestFilingFirstWithTeasers() {
        briefs.on(filed("old", "Старо"), 0);
        briefs.on(new StoryFiledEvent("new", "Ново", "Кратък лийд.", "Текст.", Dateline.of("Москва"), "bg", null,
                                      Editor.of("e"), FILED.plusSeconds(60)), 0);
        briefs.on(updated("old", "Старо, поправено"), 1);
        briefs.on(updated("old", "Старо, поправено"), 1);

        BriefList list = briefs.handle(FindBriefsQuery.newest(10));

        assertThat(list.briefs()).extracting(brief -> brief.storyId()).containsExactly("new", "old");
        assertThat(list.briefs().get(0).teaser()).isEqualTo("Кратък лийд.");
        assertThat(list.briefs().get(0).dateline().place()).isEqualTo("Москва");
        assertThat(list.briefs().get(1).headline()).isEqualTo("Старо, поправено");
        assertThat(briefs.handle(FindBriefsQuery.newest(1)).briefs()).hasSize(1);
    }

    @Test
    void theFeedGivesEveryEventOneDensePositionAndIgnoresRedeliveries() {
        var first = message("s1", 0, filed("s1", "Първо"));
        var second = message("s2", 0, filed("s2", "Второ"));
        var third = message("s1", 1, updated("s1", "Трето"));

        feed.on(first);
        feed.on(second);
        feed.on(first);
        feed.on(third);

        List<Long> positions = database.getCollection("feed").find().map(d -> d.getLong("_id")).into(new ArrayList<>());
        List<String> ids = database.getCollection("feed").find().map(d -> d.getString("eventId")).into(new ArrayList<>());
        assertThat(positions).containsExactly(1L, 2L, 3L);
        assertThat(ids).containsExactly(first.getIdentifier(), second.getIdentifier(), third.getIdentifier());
        assertThat(meters.counter("storyline.projection.redeliveries", "projection", "feed").count()).isEqualTo(1.0);
    }

    @Test
    void theFeedsHeadFollowsItsAppendsAndARedeliveryBringsALaggingHeadToIt() {
        FeedHead head = new FeedHead(database);
        feed.on(message("s1", 0, filed("s1", "Едно")));
        assertThat(head.position()).isEqualTo(1);
        var last = message("s2", 0, filed("s2", "Две"));
        feed.on(last);
        assertThat(head.position()).isEqualTo(2);

        head.clear(); // as if the service had stopped between the last append and the head's move
        feed.on(last);

        assertThat(head.position()).isEqualTo(2);
    }

    @Test
    void theFeedContinuesAfterAnotherInstanceAppended() {
        FeedProjection otherInstance = new FeedProjection(database, new SimpleMeterRegistry());
        feed.on(message("s1", 0, filed("s1", "Едно")));
        otherInstance.on(message("s2", 0, filed("s2", "Две")));

        feed.on(message("s3", 0, filed("s3", "Три")));

        assertThat(database.getCollection("feed").countDocuments()).isEqualTo(3);
        assertThat(database.getCollection("feed").find(new Document("_id", 3L)).first()).isNotNull();
    }

    @Test
    void theFeedKeepsEachEventAsItsCloudEventWithItsTypeAndThreads() throws Exception {
        Editor editor = Editor.of("e");
        var opened = new GenericDomainEventMessage<>("NewsThread", "talks", 0, new ThreadOpenedEvent(
                "talks", "Преговорите", null, editor, FILED), MetaData.with("traceparent", TRACEPARENT));

        feed.on(opened);
        feed.on(message("s1", 0, filed("s1", "Първо")));
        feed.on(message("s1", 1, new StoryLinkedEvent("s1", LinkTarget.thread("talks"), editor, FILED)));
        feed.on(message("s1", 2, new StoryLinkedEvent("s1", LinkTarget.story("s0", StoryRelation.RELATED_TO), editor,
                                                      FILED)));
        feed.on(message("s1", 3, new StoryLinkedEvent("s1", LinkTarget.thread("other"), editor, FILED)));
        feed.on(message("s1", 4, updated("s1", "Второ")));
        feed.on(message("s1", 5, new StoryUnlinkedEvent("s1", LinkTarget.thread("talks"), editor, FILED)));
        feed.on(message("s1", 6, updated("s1", "Трето")));

        List<Document> documents = database.getCollection("feed").find().into(new ArrayList<>());
        assertThat(documents).extracting(document -> document.getString("ceType")).containsExactly(
                "news.storyline.thread.opened.v1", "news.storyline.story.filed.v1", "news.storyline.story.linked.v1",
                "news.storyline.story.linked.v1", "news.storyline.story.linked.v1", "news.storyline.story.updated.v1",
                "news.storyline.story.unlinked.v1", "news.storyline.story.updated.v1");
        assertThat(documents).extracting(document -> document.getList("threads", String.class)).containsExactly(
                List.of("talks"), List.of(), List.of("talks"), List.of("talks"), List.of("talks", "other"),
                List.of("talks", "other"), List.of("other", "talks"), List.of("other"));
        JsonNode first = JSON.readTree(documents.get(0).getString("cloudEvent"));
        assertThat(first.get("id").asText()).isEqualTo(opened.getIdentifier());
        assertThat(first.get("position").asInt()).isEqualTo(1);
        assertThat(first.get("traceparent").asText()).isEqualTo(TRACEPARENT);
        assertThat(first.get("data").get("title").asText()).isEqualTo("Преговорите");
        assertThat(documents.get(0).get("event", Document.class)).containsEntry("aggregateId", "talks")
                                                                  .containsEntry("sequenceNumber", 0L);
        assertThat(documents).allSatisfy(document -> assertThat(
                JSON.readTree(document.getString("cloudEvent")).get("position").asLong())
                .isEqualTo(document.getLong("_id")));
    }

    /**
     * A link applied to the membership before an append that failed is applied again when the event comes again,
     * and is still one link; an event already in the feed, delivered again later, does not touch the membership.
     */
    @Test
    void theFeedsThreadMembershipSurvivesRedelivery() {
        Editor editor = Editor.of("e");
        var linked = message("s1", 1, new StoryLinkedEvent("s1", LinkTarget.thread("talks"), editor, FILED));
        feed.on(message("s1", 0, filed("s1", "Първо")));
        new FeedStoryThreads(database).concernedBy(linked.getPayload());

        feed.on(linked);
        feed.on(message("s1", 2, new StoryUnlinkedEvent("s1", LinkTarget.thread("talks"), editor, FILED)));
        feed.on(linked);
        feed.on(message("s1", 3, updated("s1", "Второ")));

        assertThat(database.getCollection("feed").find().map(document -> document.getList("threads", String.class))
                           .into(new ArrayList<>()))
                .containsExactly(List.of(), List.of("talks"), List.of("talks"), List.of());
    }

    private static StoryFiledEvent filed(String id, String headline) {
        return new StoryFiledEvent(id, headline, "Лийд за " + headline + ".", "Текст.", Dateline.of("Пхенян"), "bg",
                                   "world", Editor.of("editor"), FILED);
    }

    private static StoryUpdatedEvent updated(String id, String headline) {
        return new StoryUpdatedEvent(id, headline, null, null, RevisionKind.CORRECTION, "бележка", Editor.of("editor"),
                                     FILED.plusSeconds(30));
    }

    private static GenericDomainEventMessage<Object> message(String id, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Story", id, sequence, payload);
    }

}
