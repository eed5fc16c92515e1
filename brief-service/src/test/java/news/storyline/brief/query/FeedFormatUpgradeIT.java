package news.storyline.brief.query;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.brief.BriefServiceApplication;
import news.storyline.brief.feed.FeedHead;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A feed written before it carried CloudEvents is rebuilt once; a feed of the new format is left alone, but for its
 * head, which a feed written before the head was kept gets.
 */
class FeedFormatUpgradeIT {

    private static final Instant FILED = Instant.parse("2026-03-09T08:00:00Z");

    private final MongoDatabase database = TestMongo.client().getDatabase(TestMongo.freshDatabaseName("feedupgrade"));

    @Test
    void rebuildsAFeedOfTheOldFormatFromTheFirstEvent() {
        TokenStore tokens = TokenStores.on(database, "this-instance");
        tokens.initializeTokenSegments("feed", 1, new GlobalSequenceTrackingToken(2));
        database.getCollection("feed").insertOne(new Document("_id", 1L).append("eventId", "e1")
                .append("event", new Document("type", StoryFiledEvent.class.getName())));
        database.getCollection(FeedStoryThreads.COLLECTION).insertOne(new Document("_id", "s1"));

        new FeedFormatUpgrade(database, tokens);

        assertThat(database.getCollection("feed").countDocuments()).isZero();
        assertThat(database.getCollection(FeedStoryThreads.COLLECTION).countDocuments()).isZero();
        assertThat(tokens.fetchSegments("feed")).isEmpty();
    }

    @Test
    void leavesAFeedOfTheNewFormatAsItIs() {
        TokenStore tokens = TokenStores.on(database, "this-instance");
        tokens.initializeTokenSegments("feed", 1, new GlobalSequenceTrackingToken(2));
        FeedProjection feed = new FeedProjection(database, new SimpleMeterRegistry());
        feed.on(new GenericDomainEventMessage<>("Story", "s1", 0, new StoryFiledEvent(
                "s1", "Заглавие", "Лийд.", "Текст.", Dateline.of("Пхенян"), "bg", null, Editor.of("e"), FILED)));
        feed.on(new GenericDomainEventMessage<>("Story", "s1", 1, new StoryLinkedEvent(
                "s1", LinkTarget.thread("talks"), Editor.of("e"), FILED)));

        new FeedFormatUpgrade(database, tokens);

        assertThat(database.getCollection("feed").countDocuments()).isEqualTo(2);
        assertThat(database.getCollection(FeedStoryThreads.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(tokens.fetchSegments("feed")).containsExactly(0);
    }

    @Test
    void givesAFeedWrittenBeforeItsHeadWasKeptItsHead() {
        TokenStore tokens = TokenStores.on(database, "this-instance");
        FeedProjection feed = new FeedProjection(database, new SimpleMeterRegistry());
        feed.on(new GenericDomainEventMessage<>("Story", "s1", 0, new StoryFiledEvent(
                "s1", "Заглавие", "Лийд.", "Текст.", Dateline.of("Пхенян"), "bg", null, Editor.of("e"), FILED)));
        feed.on(new GenericDomainEventMessage<>("Story", "s1", 1, new StoryLinkedEvent(
                "s1", LinkTarget.thread("talks"), Editor.of("e"), FILED)));
        FeedHead head = new FeedHead(database);
        head.clear();

        new FeedFormatUpgrade(database, tokens);

        assertThat(head.position()).isEqualTo(2);
    }

    @Test
    void forgetsTheHeadOfAFeedItRebuilds() {
        TokenStore tokens = TokenStores.on(database, "this-instance");
        tokens.initializeTokenSegments("feed", 1, new GlobalSequenceTrackingToken(2));
        database.getCollection("feed").insertOne(new Document("_id", 1L).append("eventId", "e1"));
        FeedHead head = new FeedHead(database);
        head.advanceTo(1);

        new FeedFormatUpgrade(database, tokens);

        assertThat(head.position()).isZero();
    }

    /** An instance of the old code that wrote on after the new one leaves its document last. */
    @Test
    void rebuildsAFeedAnOldInstanceWroteOnTo() {
        TokenStore tokens = TokenStores.on(database, "this-instance");
        tokens.initializeTokenSegments("feed", 1, new GlobalSequenceTrackingToken(3));
        FeedProjection feed = new FeedProjection(database, new SimpleMeterRegistry());
        feed.on(new GenericDomainEventMessage<>("Story", "s1", 0, new StoryFiledEvent(
                "s1", "Заглавие", "Лийд.", "Текст.", Dateline.of("Пхенян"), "bg", null, Editor.of("e"), FILED)));
        database.getCollection("feed").insertOne(new Document("_id", 2L).append("eventId", "e2"));

        new FeedFormatUpgrade(database, tokens);

        assertThat(database.getCollection("feed").countDocuments()).isZero();
        assertThat(tokens.fetchSegments("feed")).isEmpty();
    }

    /** Another instance still running the old feed holds its claim: the start fails rather than fight it. */
    @Test
    void refusesToRebuildAFeedAnotherInstanceIsWriting() {
        TokenStore otherInstance = TokenStores.on(database, "other-instance");
        otherInstance.initializeTokenSegments("feed", 1, new GlobalSequenceTrackingToken(2));
        otherInstance.fetchToken("feed", 0);
        database.getCollection("feed").insertOne(new Document("_id", 1L).append("eventId", "e1"));

        assertThatThrownBy(() -> new FeedFormatUpgrade(database, TokenStores.on(database, "this-instance")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another instance");
        assertThat(database.getCollection("feed").countDocuments()).isEqualTo(1);
    }

    /**
     * The real service, started on a store whose feed is of the old format and whose feed token stands at the head
     * of the store: left alone, the processor would add nothing and the old document would stay.
     */
    @Test
    void theServiceRebuildsAnOldFeedAsItStarts() {
        GlobalIndexMongoEventStorageEngine store = GlobalIndexMongoEventStorageEngine.builder()
                .database(database).eventSerializer(StorylineJson.serializer())
                .snapshotSerializer(StorylineJson.serializer()).build();
        for (String id : List.of("s1", "s2")) {
            store.appendEvents(new GenericDomainEventMessage<>("Story", id, 0, new StoryFiledEvent(
                    id, "Заглавие", "Лийд.", "Текст.", Dateline.of("Пхенян"), "bg", null, Editor.of("e"), FILED)));
        }
        store.appendEvents(new GenericDomainEventMessage<>("Story", "s1", 1, new StoryLinkedEvent(
                "s1", LinkTarget.thread("talks"), Editor.of("e"), FILED)));
        TokenStores.on(database, "old-instance").initializeTokenSegments("feed", 1, store.createHeadToken());
        database.getCollection("feed").insertOne(new Document("_id", 1L).append("eventId", "old")
                .append("event", new Document("type", StoryFiledEvent.class.getName())));

        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(BriefServiceApplication.class)
                .run("--spring.data.mongodb.uri=" + TestMongo.uriOf(database.getName()), "--server.port=0",
                     "--storyline.trust.secret=" + TestCallers.base64Secret())) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    database.getCollection("feed").find().sort(new Document("_id", 1))
                            .map(document -> document.getString("ceType") + " " + document.get("threads"))
                            .into(new ArrayList<>()))
                    .containsExactly("news.storyline.story.filed.v1 []", "news.storyline.story.filed.v1 []",
                                     "news.storyline.story.linked.v1 [talks]"));
        }
    }
}
