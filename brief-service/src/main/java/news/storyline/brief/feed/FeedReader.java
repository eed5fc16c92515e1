package news.storyline.brief.feed;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
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
import static news.storyline.brief.feed.FeedDocument.POSITION;
import static news.storyline.brief.feed.FeedDocument.THREADS;

/**
 * Reads the feed by position: pages for {@code GET /api/events}, catch-up for the streams and webhooks.
 * <p>
 * A read never goes past the head as it stood when the read began. The feed's single writer appends one position
 * after another, each acknowledged before the next is written, so every position up to that head is in the
 * collection; a position written while the read runs could otherwise be seen while an earlier one, written just
 * before it, was passed over by the scan.
 */
@Component
public class FeedReader {

    private final MongoCollection<Document> feed;

    public FeedReader(MongoDatabase storylineDatabase) {
        this.feed = storylineDatabase.getCollection(FeedDocument.COLLECTION);
    }

    /** The highest position given out so far; 0 while the feed is empty. */
    public long head() {
        Document last = feed.find().sort(Sorts.descending(POSITION)).projection(Projections.include(POSITION))
                            .limit(1).first();
        return last == null ? 0 : last.get(POSITION, Number.class).longValue();
    }

    /** Up to {@code limit} entries after {@code position} that pass {@code filter}, in order. */
    public List<FeedEntry> after(long position, int limit, FeedFilter filter) {
        return page(position, limit, filter).entries();
    }

    /** As {@link #after}, with where the following page starts and the head the page was read against. */
    public FeedPage page(long after, int limit, FeedFilter filter) {
        if (limit < 1) {
            throw new IllegalArgumentException("A page holds at least one entry, not " + limit);
        }
        long head = head();
        if (after >= head) {
            return new FeedPage(List.of(), after, head);
        }
        List<FeedEntry> entries = feed.find(and(gt(POSITION, after), lte(POSITION, head), chosenBy(filter)))
                                      .projection(Projections.include(CE_TYPE, THREADS, CLOUD_EVENT))
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
        return new FeedEntry(document.get(POSITION, Number.class).longValue(), document.getString(CE_TYPE),
                             document.getList(THREADS, String.class), document.getString(CLOUD_EVENT));
    }
}
