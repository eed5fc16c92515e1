package news.storyline.eventstore;

import com.mongodb.client.MongoDatabase;
import news.storyline.testsupport.TestMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A fresh event-store database on the test backend, and helpers to write and read events in it. */
final class EventStoreFixture {

    static final Serializer SERIALIZER = StorylineJson.serializer();

    final MongoDatabase database = TestMongo.client().getDatabase(TestMongo.freshDatabaseName("eventstore"));

    GlobalIndexMongoEventStorageEngine.Builder engineBuilder() {
        return GlobalIndexMongoEventStorageEngine.builder()
                                                 .database(database)
                                                 .eventSerializer(SERIALIZER)
                                                 .snapshotSerializer(SERIALIZER);
    }

    GlobalIndexMongoEventStorageEngine engine() {
        return engineBuilder().build();
    }

    static DomainEventMessage<Note> event(String aggregateId, long sequence, String text) {
        return new GenericDomainEventMessage<>("Note", aggregateId, sequence, new Note(aggregateId, text));
    }

    /** Everything a reader sees from {@code token} on, draining the stream. */
    static List<TrackedEventMessage<?>> readAll(GlobalIndexMongoEventStorageEngine engine, TrackingToken token) {
        try (var stream = engine.readEvents(token, false)) {
            return stream.collect(Collectors.toCollection(ArrayList::new));
        }
    }

    static List<String> texts(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(event -> ((Note) event.getPayload()).text()).toList();
    }

    /** A stand-in payload: the engine stores any message the serializer can write. */
    record Note(String aggregateId, String text) {
    }
}
