package news.storyline.brief.live;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;

/** The feed collection, read in position order. */
@Component
class FeedLog implements FeedSource {

    private static final String FEED = "feed";

    private final MongoCollection<Document> feed;

    FeedLog(@Qualifier("storylineDatabase") MongoDatabase storylineDatabase) {
        this.feed = storylineDatabase.getCollection(FEED);
    }

    @Override
    public List<FeedEvent> after(long position, int limit) {
        List<FeedEvent> events = new ArrayList<>();
        long expected = position + 1;
        for (Document document : feed.find(gt("_id", position)).sort(Sorts.ascending("_id")).limit(limit)) {
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
        Document last = feed.find().sort(Sorts.descending("_id")).limit(1).first();
        long highest = last == null ? 0 : last.get("_id", Number.class).longValue();
        if (feed.countDocuments() == highest) {
            return highest;
        }
        long whole = 0;
        long broken = highest;
        while (broken - whole > 1) {
            long middle = whole + (broken - whole) / 2;
            if (feed.countDocuments(lte("_id", middle)) == middle) {
                whole = middle;
            } else {
                broken = middle;
            }
        }
        return whole;
    }

    private static FeedEvent event(Document document) {
        Document event = document.get("event", Document.class);
        return new FeedEvent(document.get("_id", Number.class).longValue(),
                             document.getString("ceType"),
                             document.getList("threads", String.class, List.of()),
                             document.getString("cloudEvent"),
                             event.getString("aggregateId"),
                             event.get("sequenceNumber", Number.class).longValue());
    }
}
