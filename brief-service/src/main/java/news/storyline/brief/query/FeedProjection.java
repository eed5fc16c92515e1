package news.storyline.brief.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Date;

import static com.mongodb.client.model.Filters.eq;

/**
 * Every event once, in one stable order with dense positions (1, 2, 3, ...): the subscribers' feed. The event
 * store's global index has holes where a commit failed; the feed's positions do not.
 * <p>
 * Its processor has a single segment, so one thread in one instance appends at a time. The next position is
 * remembered between events; should another instance have appended meanwhile (the segment moved and came back),
 * the position is taken, the insert fails on the unique {@code _id}, and the position is read again.
 */
@Component
@ProcessingGroup(FeedProjection.NAME)
public class FeedProjection {

    static final String NAME = "feed";
    private static final String EVENT_ID = "eventId";

    private final MongoCollection<Document> feed;
    private final Counter redeliveries;
    private Long lastPosition;

    public FeedProjection(MongoDatabase storylineDatabase, MeterRegistry meters) {
        this.feed = storylineDatabase.getCollection(NAME);
        this.redeliveries = Counter.builder("storyline.projection.redeliveries")
                                   .description("Events a read model received again and ignored")
                                   .tag("projection", NAME)
                                   .register(meters);
        feed.createIndex(Indexes.ascending(EVENT_ID), new IndexOptions().unique(true).name(EVENT_ID));
    }

    @EventHandler
    void on(EventMessage<?> event) {
        if (feed.find(eq(EVENT_ID, event.getIdentifier())).first() != null) {
            redeliveries.increment();
            return;
        }
        Document entry = entry(event);
        try {
            append(entry, nextPosition());
        } catch (MongoWriteException positionTaken) {
            if (positionTaken.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw positionTaken;
            }
            lastPosition = null;
            append(entry, nextPosition());
        }
    }

    @ResetHandler
    void reset() {
        feed.deleteMany(new Document());
        lastPosition = null;
    }

    private void append(Document entry, long position) {
        feed.insertOne(new Document("_id", position).append(EVENT_ID, entry.get(EVENT_ID)).append("event", entry));
        lastPosition = position;
    }

    private long nextPosition() {
        if (lastPosition == null) {
            Document last = feed.find().sort(Sorts.descending("_id")).limit(1).first();
            lastPosition = last == null ? 0 : last.get("_id", Number.class).longValue();
        }
        return lastPosition + 1;
    }

    private static Document entry(EventMessage<?> event) {
        Document entry = new Document(EVENT_ID, event.getIdentifier())
                .append("type", event.getPayloadType().getName())
                .append("time", Date.from(event.getTimestamp()));
        if (event instanceof DomainEventMessage<?> domainEvent) {
            entry.append("aggregateId", domainEvent.getAggregateIdentifier())
                 .append("sequenceNumber", domainEvent.getSequenceNumber());
        }
        return entry;
    }
}
