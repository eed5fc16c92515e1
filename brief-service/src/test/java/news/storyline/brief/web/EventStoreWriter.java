package news.storyline.brief.web;

import com.mongodb.client.MongoDatabase;
import news.storyline.api.story.StoryEvent;
import news.storyline.api.thread.ThreadOpenedEvent;
import news.storyline.eventstore.GlobalIndexMongoEventStorageEngine;
import news.storyline.eventstore.StorylineJson;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.springframework.beans.factory.annotation.Qualifier;

import java.util.Map;

/**
 * Stands in for story-service in brief-service's integration tests: appends events to the shared event store in
 * MongoDB as story-service's aggregates would, each in its aggregate's stream ({@code Story} for a
 * {@link StoryEvent}, {@code NewsThread} for a thread event), so that the service under test reads them as it would
 * in production. A test adds it to its context with {@code @Import(EventStoreWriter.class)} and autowires it.
 */
final class EventStoreWriter {

    private static final String STORY = "Story";
    private static final String NEWS_THREAD = "NewsThread";
    private static final String THREAD_EVENTS = ThreadOpenedEvent.class.getPackageName();

    private final GlobalIndexMongoEventStorageEngine store;

    /** A writer to the event store in {@code storylineDatabase}, the database story-service appends to. */
    EventStoreWriter(@Qualifier("storylineDatabase") MongoDatabase storylineDatabase) {
        this.store = GlobalIndexMongoEventStorageEngine.builder()
                                                       .database(storylineDatabase)
                                                       .eventSerializer(StorylineJson.serializer())
                                                       .snapshotSerializer(StorylineJson.serializer())
                                                       .build();
    }

    /** Appends a story's events in order, the first at sequence number 0, as they would be from its filing on. */
    void story(String storyId, StoryEvent... events) {
        for (int n = 0; n < events.length; n++) {
            if (!storyId.equals(events[n].storyId())) {
                throw new IllegalArgumentException("Event " + n + " is story " + events[n].storyId()
                                                           + "'s, not " + storyId + "'s: " + events[n]);
            }
            append(storyId, n, events[n]);
        }
    }

    /** Appends one event to the stream of the story or thread {@code aggregateId}, at {@code sequenceNumber}. */
    void append(String aggregateId, long sequenceNumber, Object event) {
        append(aggregateId, sequenceNumber, event, Map.of());
    }

    /** As {@link #append(String, long, Object)}, with the metadata story-service would have given the event. */
    void append(String aggregateId, long sequenceNumber, Object event, Map<String, ?> metaData) {
        store.appendEvents(new GenericDomainEventMessage<>(aggregateType(event), aggregateId, sequenceNumber, event,
                                                           metaData));
    }

    /** The events in the stream of the story or thread {@code aggregateId}, as the event store holds them. */
    DomainEventStream readEvents(String aggregateId) {
        return store.readEvents(aggregateId);
    }

    private static String aggregateType(Object event) {
        if (event instanceof StoryEvent) {
            return STORY;
        }
        if (event.getClass().getPackageName().equals(THREAD_EVENTS)) {
            return NEWS_THREAD;
        }
        throw new IllegalArgumentException("Neither a story's nor a thread's event: " + event);
    }
}
