package news.storyline.brief.feed;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;

/**
 * The feed's head, the highest position given out, kept in a document of its own (collection {@code feed_head})
 * so that the pollers that look for it several times a second read one document instead of ordering the feed.
 * <p>
 * The writer moves it after each append has been acknowledged, and only forward, so every position up to the head
 * is in the feed. It may lag the feed by the last append when the writer stops between the two writes; the writer
 * moves it when it meets that event again.
 * <p>
 * Moving it forward does not wait for the disk ({@code w: 1}): each append it follows is durable already, so a reader
 * it sends to an entry finds one no crash can take back; and a crash takes back only a suffix of the writes, so a
 * move it takes back was followed by nothing durable either, not by the feed processor's token: the processor meets
 * the event again and moves the head then. Waiting cost the feed's single writer a second sync for every event.
 * Moving it back (a repair) waits: entries after it are gone for good, and a head still pointing past them would
 * send readers to entries that are not there.
 */
public final class FeedHead {

    static final String COLLECTION = "feed_head";
    private static final String ID = "head";
    private static final String POSITION = "position";

    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> headsForward;
    private final MongoCollection<Document> feed;

    public FeedHead(MongoDatabase storylineDatabase) {
        this.heads = storylineDatabase.getCollection(COLLECTION);
        this.headsForward = heads.withWriteConcern(WriteConcern.W1);
        this.feed = storylineDatabase.getCollection(FeedDocument.COLLECTION);
    }

    /** The highest position given out so far; 0 while the feed is empty. */
    public long position() {
        Document head = heads.find(eq("_id", ID)).first();
        return head == null ? 0 : head.get(POSITION, Number.class).longValue();
    }

    /** Moves the head to {@code position}, unless it is further already. */
    public void advanceTo(long position) {
        headsForward.updateOne(eq("_id", ID), Updates.max(POSITION, position), new UpdateOptions().upsert(true));
    }

    /**
     * Moves the head to the feed's last document: for a feed written before its head was kept. One look at the end
     * of the feed's primary index.
     */
    public void catchUpWithFeed() {
        Document last = feed.find().sort(Sorts.descending(FeedDocument.POSITION))
                            .projection(Projections.include(FeedDocument.POSITION)).limit(1).first();
        if (last != null) {
            advanceTo(last.get(FeedDocument.POSITION, Number.class).longValue());
        }
    }

    /** Sets the head to {@code position}, also back: for a repair that keeps the feed up to there. */
    public void resetTo(long position) {
        heads.updateOne(eq("_id", ID), Updates.set(POSITION, position), new UpdateOptions().upsert(true));
    }

    public void clear() {
        heads.deleteMany(new Document());
    }
}
