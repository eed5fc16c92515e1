package news.storyline.brief.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import news.storyline.brief.feed.CloudEventMapping;
import news.storyline.brief.feed.FeedDocument;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryUnlinkedEvent;
import news.storyline.brief.feed.FeedHead;
import news.storyline.brief.feed.FeedRewrite;
import news.storyline.eventstore.StorylineJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static news.storyline.brief.feed.FeedDocument.CE_TYPE;
import static news.storyline.brief.feed.FeedDocument.CLOUD_EVENT;
import static news.storyline.brief.feed.FeedDocument.EVENT;
import static news.storyline.brief.feed.FeedDocument.EVENT_ID;
import static news.storyline.brief.feed.FeedDocument.POSITION;
import static news.storyline.brief.feed.FeedDocument.THREADS;

/**
 * Every event once, in one stable order with dense positions (1, 2, 3, ...): the subscribers' feed. The event
 * store's global index has holes where a commit failed; the feed's positions do not. Each document carries the event
 * as the CloudEvent consumers are served ({@link CloudEventMapping}), its type, and the threads it concerns
 * ({@link FeedStoryThreads}), so that consumers filter and serve without looking anywhere else.
 * <p>
 * Its processor has a single segment, so one thread in one instance appends at a time. The next position is
 * remembered between events; should another instance have appended meanwhile (the segment moved and came back),
 * the position is taken, the insert fails on the unique {@code _id}, and the position is read again. After each
 * append it moves the feed's {@link FeedHead}, which the feed's readers poll.
 */
@Component
@ProcessingGroup(FeedProjection.NAME)
public class FeedProjection implements FeedRewrite {

    private static final Logger log = LoggerFactory.getLogger(FeedProjection.class);
    private static final ObjectMapper STORAGE_JSON = StorylineJson.storageMapper();
    private static final Map<String, Class<?>> MEMBERSHIP_EVENTS = Map.of(
            CloudEventMapping.type(StoryLinkedEvent.class), StoryLinkedEvent.class,
            CloudEventMapping.type(StoryUnlinkedEvent.class), StoryUnlinkedEvent.class);

    static final String NAME = FeedDocument.COLLECTION;

    private final MongoCollection<Document> feed;
    private final FeedStoryThreads storyThreads;
    private final FeedHead head;
    private final Counter redeliveries;
    private volatile Long lastPosition;

    public FeedProjection(MongoDatabase storylineDatabase, MeterRegistry meters) {
        this.feed = storylineDatabase.getCollection(NAME);
        this.storyThreads = new FeedStoryThreads(storylineDatabase);
        this.head = new FeedHead(storylineDatabase);
        this.redeliveries = Counter.builder("storyline.projection.redeliveries")
                                   .description("Events a read model received again and ignored")
                                   .tag("projection", NAME)
                                   .register(meters);
        uniqueEventIds();
        // Filtered pages walk the positions of one type or one thread.
        feed.createIndex(Indexes.ascending(CE_TYPE, POSITION), new IndexOptions().name(CE_TYPE));
        feed.createIndex(Indexes.ascending(THREADS, POSITION), new IndexOptions().name(THREADS));
    }

    /**
     * The membership is updated before the append: should the append fail, the event comes again, and applying it
     * to the membership twice changes nothing. An event already in the feed is skipped whole, membership included.
     */
    @EventHandler
    void on(EventMessage<?> event) {
        // Only where it is: the document itself carries the whole CloudEvent.
        Document appended = feed.find(eq(EVENT_ID, event.getIdentifier())).projection(Projections.include(POSITION))
                                .first();
        if (appended != null) {
            redeliveries.increment();
            // The head may not have moved to it, should the append have been the last thing done before a failure.
            head.advanceTo(appended.get(POSITION, Number.class).longValue());
            return;
        }
        List<String> threads = storyThreads.concernedBy(event.getPayload());
        try {
            append(event, threads, nextPosition());
        } catch (MongoWriteException positionTaken) {
            if (positionTaken.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw positionTaken;
            }
            lastPosition = null;
            append(event, threads, nextPosition());
        }
    }

    @ResetHandler
    void reset() {
        feed.deleteMany(new Document());
        storyThreads.clear();
        head.clear();
        lastPosition = null;
    }

    /**
     * For a repair, with the processor stopped: removes the entries after {@code lastGood}, moves the head back to
     * it, and makes the thread membership what it was after it, from the kept entries' links and unlinks (the
     * CloudEvent's data is the stored event). The next append reads its position again.
     */
    @Override
    public long keepUpTo(long lastGood) {
        long removed = feed.deleteMany(gt(POSITION, lastGood)).getDeletedCount();
        head.resetTo(lastGood);
        storyThreads.clear();
        feed.find(and(in(CE_TYPE, MEMBERSHIP_EVENTS.keySet()), lte(POSITION, lastGood)))
            .projection(Projections.include(CE_TYPE, CLOUD_EVENT)).sort(Sorts.ascending(POSITION))
            .forEach(entry -> storyThreads.concernedBy(payload(entry)));
        lastPosition = null;
        uniqueEventIds();
        return removed;
    }

    private static Object payload(Document entry) {
        try {
            JsonNode data = STORAGE_JSON.readTree(entry.getString(CLOUD_EVENT)).get("data");
            return STORAGE_JSON.treeToValue(data, MEMBERSHIP_EVENTS.get(entry.getString(CE_TYPE)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A kept feed entry cannot be read: " + entry.get(POSITION), e);
        }
    }

    /**
     * An event once: a feed that holds an event twice (written by an old version, or damaged) cannot take the
     * index; it is said so, and the service starts, so that a check can report it and a repair remove it.
     */
    private void uniqueEventIds() {
        try {
            feed.createIndex(Indexes.ascending(EVENT_ID), new IndexOptions().unique(true).name(EVENT_ID));
        } catch (MongoException duplicates) {
            log.warn("The feed's unique index on event ids cannot be made, it holds an event twice; check the "
                     + "feed (GET /api/admin/feed/check) and repair it", duplicates);
        }
    }

    private void append(EventMessage<?> event, List<String> threads, long position) {
        feed.insertOne(new Document(POSITION, position)
                               .append(EVENT_ID, event.getIdentifier())
                               .append(EVENT, summary(event))
                               .append(CE_TYPE, CloudEventMapping.type(event.getPayloadType()))
                               .append(THREADS, threads)
                               .append(CLOUD_EVENT, CloudEventMapping.toJson(event, position)));
        lastPosition = position;
        head.advanceTo(position);
    }

    private long nextPosition() {
        if (lastPosition == null) {
            Document last = feed.find().sort(Sorts.descending(POSITION)).limit(1).first();
            lastPosition = last == null ? 0 : last.get(POSITION, Number.class).longValue();
        }
        return lastPosition + 1;
    }

    private static Document summary(EventMessage<?> event) {
        Document summary = new Document("type", event.getPayloadType().getName())
                .append("time", Date.from(event.getTimestamp()));
        if (event instanceof DomainEventMessage<?> domainEvent) {
            summary.append("aggregateId", domainEvent.getAggregateIdentifier())
                   .append("sequenceNumber", domainEvent.getSequenceNumber());
        }
        return summary;
    }
}
