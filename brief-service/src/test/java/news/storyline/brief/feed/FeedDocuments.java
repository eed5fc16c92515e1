package news.storyline.brief.feed;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Writes feed documents as the feed contract describes them ({@link FeedDocument}), straight into the feed
 * collection, standing in for the feed projection in tests that choose the positions, the events and their size.
 * Each stored CloudEvent names its position.
 */
public final class FeedDocuments {

    public static final String FILED = "news.storyline.story.filed.v1";
    public static final String RENAMED = "news.storyline.thread.renamed.v1";

    private final MongoCollection<Document> feed;
    private final FeedHead head;

    public FeedDocuments(MongoDatabase storylineDatabase) {
        this.feed = storylineDatabase.getCollection(FeedDocument.COLLECTION);
        this.head = new FeedHead(storylineDatabase);
    }

    /** The highest position in the feed; 0 while it is empty. */
    public long head() {
        Document last = feed.find().sort(Sorts.descending(FeedDocument.POSITION)).limit(1).first();
        return last == null ? 0 : last.get(FeedDocument.POSITION, Number.class).longValue();
    }

    /** Appends an event of {@code type} about a new story in {@code threads}; answers its stored CloudEvent. */
    public synchronized String append(String type, List<String> threads) {
        long position = head() + 1;
        return insert(position, type, UUID.randomUUID().toString(), 0, threads,
                      "{\"headline\":\"Заглавие " + position + "\"}");
    }

    public String append(String type) {
        return append(type, List.of());
    }

    /** A story's filing at {@code position} concerning {@code threads}, its data padded to {@code padding} chars. */
    public void filed(long position, int padding, String... threads) {
        insert(position, FILED, "story-" + position, 0, List.of(threads),
               "{\"padding\":\"" + "x".repeat(padding) + "\"}");
    }

    public void renamed(long position, String slug, long sequenceNumber) {
        insert(position, RENAMED, slug, sequenceNumber, List.of(slug), "{}");
    }

    /**
     * The document at {@code position}: the event {@code sequenceNumber} of {@code aggregateId}, of {@code ceType},
     * concerning {@code threads}, with {@code data} (JSON) as the CloudEvent's data; answers the stored CloudEvent.
     */
    public String insert(long position, String ceType, String aggregateId, long sequenceNumber, List<String> threads,
                         String data) {
        String eventId = UUID.randomUUID().toString();
        String cloudEvent = "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/storyline/test\","
                + "\"type\":\"" + ceType + "\",\"subject\":\"" + aggregateId + "\",\"position\":" + position
                + ",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
        feed.insertOne(new Document(FeedDocument.POSITION, position)
                               .append(FeedDocument.EVENT_ID, eventId)
                               .append(FeedDocument.EVENT, new Document("type", "test")
                                       .append("time", new Date())
                                       .append("aggregateId", aggregateId)
                                       .append("sequenceNumber", sequenceNumber))
                               .append(FeedDocument.CE_TYPE, ceType)
                               .append(FeedDocument.THREADS, threads)
                               .append(FeedDocument.CLOUD_EVENT, cloudEvent));
        head.advanceTo(position);
        return cloudEvent;
    }
}
