package news.storyline.eventstore;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static news.storyline.eventstore.EventStoreFixture.event;
import static news.storyline.eventstore.EventStoreFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader of a stream is called back when another process stores events, as a pooled streaming processor of
 * brief-service is when story-service files a story.
 */
class NotifyingEventStoreIT {

    private final EventStoreFixture fixture = new EventStoreFixture();
    private final NotifyingEventStore store = new NotifyingEventStore(
            EmbeddedEventStore.builder().storageEngine(fixture.engine()).fetchDelay(25));
    /** The writer: another engine on the same database, as story-service is another process. */
    private final GlobalIndexMongoEventStorageEngine writer = fixture.engine();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void callsTheReaderBackForEventsAnotherProcessStores() throws Exception {
        writer.appendEvents(event("story-1", 0, "before"));
        Semaphore callbacks = new Semaphore(0);
        try (TrackingEventStream stream = store.openStream(store.createHeadToken())) {
            assertThat(stream.setOnAvailableCallback(callbacks::release)).isTrue();
            assertThat(stream.hasNextAvailable()).isFalse();

            writer.appendEvents(event("story-2", 0, "filed"), event("story-2", 1, "linked"));

            assertThat(callbacks.tryAcquire(10, TimeUnit.SECONDS)).as("called back").isTrue();
            List<TrackedEventMessage<?>> read = new ArrayList<>();
            while (read.size() < 2 && stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                read.add(stream.nextAvailable());
            }
            assertThat(texts(read)).containsExactly("filed", "linked");
        }
    }
}
