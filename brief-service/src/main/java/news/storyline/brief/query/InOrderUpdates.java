package news.storyline.brief.query;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * Applies a story's events to a read-model document exactly once and in order. The document keeps the version it
 * reflects (the number of the story's events applied); the change made by the event at {@code sequenceNumber}
 * applies only while the document is at version {@code sequenceNumber}, so a redelivered event changes nothing.
 */
final class InOrderUpdates {

    static final String VERSION = "version";

    private InOrderUpdates() {
    }

    static void apply(MongoCollection<Document> collection, String id, long sequenceNumber, Bson change) {
        long matched = collection.updateOne(and(eq("_id", id), eq(VERSION, sequenceNumber)), change)
                                 .getMatchedCount();
        if (matched == 0) {
            Document current = collection.find(eq("_id", id)).first();
            long version = current == null ? 0 : current.get(VERSION, Number.class).longValue();
            if (version <= sequenceNumber) {
                // A story's events arrive in order; a missing predecessor is a fault worth a retry, not a skip.
                throw new IllegalStateException(collection.getNamespace().getCollectionName() + " " + id
                                                        + " is at version " + version + " and cannot take event "
                                                        + sequenceNumber + " yet");
            }
        }
    }
}
