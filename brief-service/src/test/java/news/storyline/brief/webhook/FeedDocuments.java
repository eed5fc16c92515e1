package news.storyline.brief.webhook;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import news.storyline.brief.feed.FeedDocument;
import org.bson.Document;

import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Appends documents to the feed collection as the feed projection stores them (the feed contract), each with a
 * CloudEvent that names its position, so that webhook tests control exactly which events there are.
 */
final class FeedDocuments {

    private final MongoCollection<Document> feed;

    FeedDocuments(MongoDatabase storylineDatabase) {
        this.feed = storylineDatabase.getCollection(FeedDocument.COLLECTION);
    }

    /** Appends an event of {@code type} about a story in {@code threads}; answers its stored CloudEvent. */
    synchronized String append(String type, List<String> threads) {
        Document last = feed.find().sort(Sorts.descending(FeedDocument.POSITION)).limit(1).first();
        long position = last == null ? 1 : last.get(FeedDocument.POSITION, Number.class).longValue() + 1;
        String id = UUID.randomUUID().toString();
        String story = UUID.randomUUID().toString();
        String cloudEvent = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/storyline/stories/" + story
                            + "\",\"type\":\"" + type + "\",\"subject\":\"" + story + "\",\"position\":" + position
                            + ",\"datacontenttype\":\"application/json\",\"data\":{\"headline\":\"Заглавие " + position
                            + "\"}}";
        feed.insertOne(new Document(FeedDocument.POSITION, position)
                               .append(FeedDocument.EVENT_ID, id)
                               .append(FeedDocument.EVENT, new Document("type", "test").append("time", new Date()))
                               .append(FeedDocument.CE_TYPE, type)
                               .append(FeedDocument.THREADS, threads)
                               .append(FeedDocument.CLOUD_EVENT, cloudEvent));
        return cloudEvent;
    }

    String append(String type) {
        return append(type, List.of());
    }
}
