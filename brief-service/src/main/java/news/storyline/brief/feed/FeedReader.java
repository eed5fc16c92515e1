package news.storyline.brief.feed;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static news.storyline.brief.feed.FeedDocument.CE_TYPE;
import static news.storyline.brief.feed.FeedDocument.CLOUD_EVENT;
import static news.storyline.brief.feed.FeedDocument.EVENT;
import static news.storyline.brief.feed.FeedDocument.POSITION;
import static news.storyline.brief.feed.FeedDocument.THREADS;

/**
 * Reads the feed by position: pages for {@code GET /api/events}, catch-up and tailing for the live streams,
 * catch-up for webhooks.
 * <p>
 * A read never goes past the head as it stood when the read began. The feed has no holes below its head: its
 * writer ({@code FeedProjection}) inserts a position only as the highest one plus one, each acknowledged before
 * the next is written and before the head moves to it, and a concurrent writer of the same position loses on the
 * unique {@code _id} and takes the next one. So every position up to that head is in the collection; a position
 * written while the read runs could otherwise be seen while an earlier one, written just before it, was passed
 * over by the scan.
 */
@Component
public class FeedReader implements FeedPages {

    private static final String AGGREGATE_ID = EVENT + ".aggregateId";
    private static final String SEQUENCE_NUMBER = EVENT + ".sequenceNumber";

    private final MongoCollection<Document> feed;
    private final FeedHead head;
    private final FeedVouch vouch;

    public FeedReader(MongoDatabase storylineDatabase) {
        this(storylineDatabase, FeedVouch.unlimited());
    }

    @Autowired
    public FeedReader(MongoDatabase storylineDatabase, FeedVouch vouch) {
        this.feed = storylineDatabase.getCollection(FeedDocument.COLLECTION);
        this.head = new FeedHead(storylineDatabase);
        this.vouch = vouch;
    }

    /**
     * One document's lookup, however long the feed: see {@link FeedHead}. While a check has found the feed unsound,
     * no further than the last good position ({@link FeedVouch}), so that no reader goes past it.
     */
    @Override
    public long head() {
        return Math.min(head.position(), vouch.upTo());
    }

    /**
     * Up to {@code limit} entries after {@code after} that pass {@code filter}, in order, with where the following
     * page starts and the head the page was read against.
     */
    @Override
    public FeedPage page(long after, int limit, FeedFilter filter) {
        if (limit < 1) {
            throw new IllegalArgumentException("A page holds at least one entry, not " + limit);
        }
        long head = head();
        if (after >= head) {
            return new FeedPage(List.of(), after, head);
        }
        List<FeedEntry> entries = feed.find(and(gt(POSITION, after), lte(POSITION, head), chosenBy(filter)))
                                      .projection(Projections.include(CE_TYPE, THREADS, CLOUD_EVENT, AGGREGATE_ID,
                                                                      SEQUENCE_NUMBER))
                                      .sort(Sorts.ascending(POSITION))
                                      .limit(limit)
                                      .map(FeedReader::entry)
                                      .into(new ArrayList<>());
        boolean full = entries.size() == limit;
        return new FeedPage(entries, full ? entries.get(entries.size() - 1).position() : head, head);
    }

    private static Bson chosenBy(FeedFilter filter) {
        List<Bson> conditions = new ArrayList<>();
        if (!filter.types().isEmpty()) {
            conditions.add(in(CE_TYPE, filter.types()));
        }
        if (filter.thread() != null) {
            conditions.add(eq(THREADS, filter.thread()));
        }
        return conditions.isEmpty() ? Filters.empty() : and(conditions);
    }

    private static FeedEntry entry(Document document) {
        Document event = document.get(EVENT, new Document());
        return new FeedEntry(document.get(POSITION, Number.class).longValue(), document.getString(CE_TYPE),
                             document.getList(THREADS, String.class), document.getString(CLOUD_EVENT),
                             event.getString("aggregateId"), sequenceNumber(event));
    }

    /**
     * Every Storyline event is an aggregate's; should one not be, it must still not stop a reader, which is why it
     * gets {@link FeedEntry#NOT_IN_A_STREAM} rather than an exception.
     */
    private static long sequenceNumber(Document event) {
        Number sequenceNumber = event.get("sequenceNumber", Number.class);
        return sequenceNumber == null ? FeedEntry.NOT_IN_A_STREAM : sequenceNumber.longValue();
    }
}
