package news.storyline.eventstore;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;

/**
 * A counter document incremented atomically ({@code findOneAndUpdate} with {@code $inc}), so that every writer, in
 * any process, gets positions no other writer gets. Needs no transaction.
 * <p>
 * The increment does not wait for the disk ({@code w: 1}); the insert of the events it numbers does, and takes it
 * there: a crash takes back only a suffix of the writes (a replica set's oplog keeps their order), so a counter a
 * crash takes back numbered no event that survived it, and no reader has seen its positions. Waiting for the disk
 * twice per append instead cost each filing a second sync.
 */
public final class MongoGlobalIndexAllocator implements GlobalIndexAllocator {

    static final String COUNTER_ID = "globalIndex";
    private static final String VALUE = "value";

    private final MongoCollection<Document> counters;

    public MongoGlobalIndexAllocator(MongoCollection<Document> counters) {
        this.counters = counters.withWriteConcern(WriteConcern.W1);
    }

    @Override
    public long allocate(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("Allocate at least one position, not " + count);
        }
        Document counter = counters.findOneAndUpdate(
                eq("_id", COUNTER_ID),
                Updates.inc(VALUE, (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long last = counter.get(VALUE, Number.class).longValue();
        return last - count + 1;
    }
}
