package news.storyline.brief.web;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Writes feed documents as the feed contract describes them, straight into the feed collection, standing in for
 * the feed projection in tests of the live streams that need exact control over positions and big events.
 */
final class FeedDocuments {

    static final String FILED = "news.storyline.story.filed.v1";
    static final String RENAMED = "news.storyline.thread.renamed.v1";

    private final MongoCollection<Document> feed;

    FeedDocuments(MongoDatabase storylineDatabase) {
        this.feed = storylineDatabase.getCollection("feed");
    }

    long head() {
        Document last = feed.find().sort(Sorts.descending("_id")).limit(1).first();
        return last == null ? 0 : last.get("_id", Number.class).longValue();
    }

    /** A story's filing at {@code position} concerning {@code threads}, its data padded to {@code padding} chars. */
    void filed(long position, int padding, String... threads) {
        insert(position, FILED, "story-" + position, 0, padding, threads);
    }

    void renamed(long position, String slug, long sequenceNumber) {
        insert(position, RENAMED, slug, sequenceNumber, 0, slug);
    }

    private void insert(long position, String ceType, String aggregateId, long sequenceNumber, int padding,
                        String... threads) {
        String eventId = UUID.randomUUID().toString();
        String cloudEvent = "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/storyline/test\","
                + "\"type\":\"" + ceType + "\",\"subject\":\"" + aggregateId + "\",\"position\":" + position
                + ",\"datacontenttype\":\"application/json\",\"data\":{\"padding\":\"" + "x".repeat(padding) + "\"}}";
        feed.insertOne(new Document("_id", position)
                               .append("eventId", eventId)
                               .append("event", new Document("type", "test")
                                       .append("time", new Date())
                                       .append("aggregateId", aggregateId)
                                       .append("sequenceNumber", sequenceNumber))
                               .append("ceType", ceType)
                               .append("threads", List.of(threads))
                               .append("cloudEvent", cloudEvent));
    }
}
