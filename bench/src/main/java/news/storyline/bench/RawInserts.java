package news.storyline.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.Date;
import java.util.UUID;

/**
 * The store's own limit: plain driver inserts, into a scratch database of the same server, of a document the
 * size and shape of a stored story event (~3.5 KB: the filing as JSON text plus the event's envelope). The
 * scratch database is dropped afterwards.
 */
final class RawInserts implements AutoCloseable {

    private final MongoDatabase scratch;
    private final MongoCollection<Document> inserts;

    RawInserts(MongoClient client) {
        this.scratch = client.getDatabase("bench_scratch_" + System.currentTimeMillis());
        this.inserts = scratch.getCollection("inserts");
    }

    WriteThroughput.Write write() {
        return (client, n) -> {
            inserts.insertOne(new Document("_id", UUID.randomUUID().toString())
                                      .append("globalIndex", n)
                                      .append("aggregateIdentifier", UUID.randomUUID().toString())
                                      .append("sequenceNumber", 0L)
                                      .append("type", "Story")
                                      .append("timestamp", new Date())
                                      .append("payloadType", "news.storyline.api.story.StoryFiledEvent")
                                      .append("payloadRevision", "2")
                                      .append("payload", StoryText.filing(n))
                                      .append("metaData", "{\"bench\":\"" + StoryWrites.editor(client) + "\"}"));
            return true;
        };
    }

    @Override
    public void close() {
        scratch.drop();
    }
}
