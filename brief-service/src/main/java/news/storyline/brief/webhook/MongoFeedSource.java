package news.storyline.brief.webhook;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the feed's documents (collection {@code feed}, one per position) as the feed contract describes them. */
@Component
class MongoFeedSource implements FeedSource {

    private final MongoCollection<Document> feed;

    MongoFeedSource(@Qualifier("storylineDatabase") MongoDatabase storylineDatabase) {
        this.feed = storylineDatabase.getCollection("feed");
    }

    @Override
    public Page read(long after, int limit, Set<String> types, String thread) {
        // The head is read first: positions are appended in order, so everything up to it is there to examine.
        long head = head();
        List<Bson> conditions = new ArrayList<>(List.of(Filters.gt("_id", after), Filters.lte("_id", head)));
        if (!types.isEmpty()) {
            conditions.add(Filters.in("ceType", types));
        }
        if (thread != null) {
            conditions.add(Filters.eq("threads", thread));
        }
        List<Event> events = feed.find(Filters.and(conditions)).sort(Sorts.ascending("_id")).limit(limit)
                                 .map(MongoFeedSource::event).into(new ArrayList<>());
        long next = events.size() == limit ? events.get(events.size() - 1).position() : Math.max(after, head);
        return new Page(events, next);
    }

    @Override
    public long head() {
        Document last = feed.find().sort(Sorts.descending("_id")).limit(1).first();
        return last == null ? 0 : last.get("_id", Number.class).longValue();
    }

    private static Event event(Document entry) {
        return new Event(entry.get("_id", Number.class).longValue(), entry.getString("ceType"),
                         entry.getString("cloudEvent"));
    }
}
