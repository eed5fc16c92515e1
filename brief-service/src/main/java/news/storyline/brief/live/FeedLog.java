package news.storyline.brief.live;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import news.storyline.brief.feed.FeedDocument;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;
import static news.storyline.brief.feed.FeedDocument.CE_TYPE;
import static news.storyline.brief.feed.FeedDocument.CLOUD_EVENT;
import static news.storyline.brief.feed.FeedDocument.EVENT;
import static news.storyline.brief.feed.FeedDocument.POSITION;
import static news.storyline.brief.feed.FeedDocument.THREADS;

/**
 * The feed collection, read in position order and never past a hole. {@link news.storyline.brief.feed.FeedReader}
 * trusts the head to be whole; the tailer checks instead, and it needs each event's story and version besides,
 * for the live timelines.
 */
@Component
class FeedLog implements FeedSource {

    private final MongoCollection<Document> feed;

    FeedLog(@Qualifier("storylineDatabase") MongoDatabase storylineDatabase) {
        this.feed = storylineDatabase.getCollection(FeedDocument.COLLECTION);
    }

    @Override
    public List<FeedEvent> after(long position, int limit) {
        List<FeedEvent> events = new ArrayList<>();
        long expected = position + 1;
        for (Document document : feed.find(gt(POSITION, position)).sort(Sorts.ascending(POSITION)).limit(limit)) {
            FeedEvent event = event(document);
            if (event.position() != expected) {
                break;
            }
            events.add(event);
            expected++;
        }
        return events;
    }

    /**
     * Positions are dense from 1, so the feed is whole up to {@code n} exactly when it holds {@code n} documents up
     * to {@code n}; a hole (a late insert) is found by halving.
     */
    @Override
    public long contiguousHead() {
        Document last = feed.find().sort(Sorts.descending(POSITION)).limit(1).first();
        long highest = last == null ? 0 : last.get(POSITION, Number.class).longValue();
        if (feed.countDocuments() == highest) {
            return highest;
        }
        long whole = 0;
        long broken = highest;
        while (broken - whole > 1) {
            long middle = whole + (broken - whole) / 2;
            if (feed.countDocuments(lte(POSITION, middle)) == middle) {
                whole = middle;
            } else {
                broken = middle;
            }
        }
        return whole;
    }

    private static FeedEvent event(Document document) {
        Document event = document.get(EVENT, Document.class);
        return new FeedEvent(document.get(POSITION, Number.class).longValue(),
                             document.getString(CE_TYPE),
                             document.getList(THREADS, String.class, List.of()),
                             document.getString(CLOUD_EVENT),
                             event.getString("aggregateId"),
                             sequenceNumber(event));
    }

    /**
     * Every Storyline event is an aggregate's; should one not be, it must still not stop the tailer, which is why
     * it gets {@link FeedEvent#NOT_IN_A_STREAM} rather than an exception.
     */
    private static long sequenceNumber(Document event) {
        Number sequenceNumber = event.get("sequenceNumber", Number.class);
        return sequenceNumber == null ? FeedEvent.NOT_IN_A_STREAM : sequenceNumber.longValue();
    }
}
