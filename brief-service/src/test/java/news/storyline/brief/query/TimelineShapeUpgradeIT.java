package news.storyline.brief.query;

import com.mongodb.client.MongoDatabase;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.thread.ThreadOpenedEvent;
import news.storyline.brief.BriefServiceApplication;
import news.storyline.eventstore.GlobalIndexMongoEventStorageEngine;
import news.storyline.eventstore.StorylineJson;
import news.storyline.testsupport.TestCallers;
import news.storyline.testsupport.TestMongo;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Timelines written in the earlier shape are rebuilt once; timelines of the current shape are left alone. */
class TimelineShapeUpgradeIT {

    private static final Instant AT = Instant.parse("2026-03-09T08:00:00Z");
    private static final Editor EDITOR = Editor.of("e");

    private final MongoDatabase database = TestMongo.client().getDatabase(TestMongo.freshDatabaseName("shapes"));
    private final ThreadTimelineProjection timelines = new ThreadTimelineProjection(database);

    @Test
    void rebuildsTimelinesOfTheEarlierShapeFromTheFirstEvent() {
        TokenStore tokens = TokenStores.on(database, "this-instance");
        tokens.initializeTokenSegments("timelines", 4, new GlobalSequenceTrackingToken(3));
        writeTheEarlierShape();

        new TimelineShapeUpgrade(database, database, timelines, tokens);

        assertThat(timelines.holdsAnything()).isFalse();
        assertThat(database.listCollectionNames().into(new ArrayList<>()))
                .doesNotContain("timeline_memberships");
        assertThat(tokens.fetchSegments("timelines")).isEmpty();
        assertThat(shape()).isEqualTo(TimelineShapeUpgrade.SHAPE);
    }

    @Test
    void rebuildsTimelinesRecordedInAnOlderShape() {
        TokenStore tokens = TokenStores.on(database, "this-instance");
        tokens.initializeTokenSegments("timelines", 4, new GlobalSequenceTrackingToken(3));
        database.getCollection("read_model_shapes").insertOne(new Document("_id", "timelines")
                                                                      .append("shape", TimelineShapeUpgrade.SHAPE - 1));
        timelines.on(new ThreadOpenedEvent("talks", "Преговорите", null, EDITOR, AT), 0);

        new TimelineShapeUpgrade(database, database, timelines, tokens);

        assertThat(timelines.holdsAnything()).isFalse();
        assertThat(tokens.fetchSegments("timelines")).isEmpty();
        assertThat(shape()).isEqualTo(TimelineShapeUpgrade.SHAPE);
    }

    @Test
    void leavesTimelinesOfTheCurrentShapeAsTheyAre() {
        TokenStore tokens = TokenStores.on(database, "this-instance");
        tokens.initializeTokenSegments("timelines", 4, new GlobalSequenceTrackingToken(3));
        new TimelineShapeUpgrade(database, database, timelines, tokens);
        timelines.on(new ThreadOpenedEvent("talks", "Преговорите", null, EDITOR, AT), 0);

        new TimelineShapeUpgrade(database, database, timelines, tokens);

        assertThat(timelines.holdsAnything()).isTrue();
        assertThat(tokens.fetchSegments("timelines")).hasSize(4);
    }

    /**
     * The real service, started on a store whose timelines are of the earlier shape and whose timeline tokens stand
     * at the head of the store: left alone, the processor would add nothing and the thread would show no story.
     */
    @Test
    void theServiceRebuildsTimelinesOfTheEarlierShapeAsItStarts() {
        GlobalIndexMongoEventStorageEngine store = GlobalIndexMongoEventStorageEngine.builder()
                .database(database).eventSerializer(StorylineJson.serializer())
                .snapshotSerializer(StorylineJson.serializer()).build();
        store.appendEvents(new GenericDomainEventMessage<>("NewsThread", "talks", 0, new ThreadOpenedEvent(
                "talks", "Преговорите", null, EDITOR, AT)));
        store.appendEvents(new GenericDomainEventMessage<>("Story", "s1", 0, new StoryFiledEvent(
                "s1", "Заглавие", "Лийд.", "Текст.", Dateline.of("Пхенян"), "bg", null, EDITOR, AT)));
        store.appendEvents(new GenericDomainEventMessage<>("Story", "s1", 1, new StoryLinkedEvent(
                "s1", LinkTarget.thread("talks"), EDITOR, AT.plusSeconds(60))));
        TokenStores.on(database, "old-instance").initializeTokenSegments("timelines", 4, store.createHeadToken());
        writeTheEarlierShape();

        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(BriefServiceApplication.class)
                .run("--spring.data.mongodb.uri=" + TestMongo.uriOf(database.getName()), "--server.port=0",
                     "--storyline.trust.secret=" + TestCallers.base64Secret())) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Document summary = database.getCollection(ThreadSummaries.COLLECTION)
                                           .find(new Document("_id", "talks")).first();
                assertThat(summary).isNotNull();
                assertThat(List.of(ThreadSummaries.stories(summary), ThreadSummaries.entries(summary)))
                        .containsExactly(1L, 2L);
            });
            assertThat(database.getCollection("timeline_entries").countDocuments(new Document("current", true)))
                    .isEqualTo(2);
        }
    }

    /** As the code before this shape wrote a story filed and linked to a thread. */
    private void writeTheEarlierShape() {
        database.getCollection("threads").insertOne(new Document("_id", "talks").append("version", 1L)
                .append("title", "Преговорите").append("status", "OPEN").append("openedAt", Date.from(AT)));
        database.getCollection("timeline_stories").insertOne(new Document("_id", "s1").append("version", 2L)
                .append("threads", List.of("talks")));
        database.getCollection("timeline_entries").insertOne(new Document("_id", "talks|s1|0000000001")
                .append("thread", "talks").append("storyId", "s1").append("version", 1L).append("at", Date.from(AT)));
        database.getCollection("timeline_memberships").insertOne(new Document("_id", "talks|s1")
                .append("thread", "talks").append("storyId", "s1"));
    }

    private int shape() {
        return database.getCollection("read_model_shapes").find(new Document("_id", "timelines")).first()
                       .get("shape", Number.class).intValue();
    }
}
