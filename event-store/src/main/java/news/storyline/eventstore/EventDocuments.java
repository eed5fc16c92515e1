package news.storyline.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * How one event is laid out as a MongoDB document. Payload and metadata are stored as JSON text, exactly as the
 * serializer wrote them, so that upcasters see what was written.
 */
final class EventDocuments {

    static final String ID = "_id";
    static final String GLOBAL_INDEX = "globalIndex";
    static final String AGGREGATE_ID = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String AGGREGATE_TYPE = "type";
    static final String TIMESTAMP = "timestamp";
    static final String STORED_AT = "storedAt";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    /** The type of a marker that holds a position given up on; no event is ever of this type. */
    static final String ABANDONED_POSITION = "AbandonedPosition";

    private EventDocuments() {
    }

    /** An event as stored, at its place in the global order; {@code storedAt} is when its writer got that place. */
    static Document event(DomainEventMessage<?> event, Serializer serializer, long globalIndex, Instant storedAt) {
        return withMessage(new Document(ID, event.getIdentifier()).append(GLOBAL_INDEX, globalIndex), event, serializer)
                .append(STORED_AT, Date.from(storedAt));
    }

    /**
     * A marker at a position that readers gave up waiting for: it takes the position in the unique index, so that
     * the commit still on its way there fails and takes new positions. Its aggregate is its own, so that markers
     * never meet in the {@code (aggregateIdentifier, sequenceNumber)} index; it has no timestamp and no payload.
     */
    static Document abandonedPosition(long globalIndex, Instant givenUpAt) {
        String id = ABANDONED_POSITION + "-" + globalIndex;
        return new Document(ID, id).append(GLOBAL_INDEX, globalIndex)
                                   .append(AGGREGATE_ID, id)
                                   .append(SEQUENCE_NUMBER, 0L)
                                   .append(AGGREGATE_TYPE, ABANDONED_POSITION)
                                   .append(STORED_AT, Date.from(givenUpAt));
    }

    static boolean isAbandonedPosition(Document document) {
        return ABANDONED_POSITION.equals(document.getString(AGGREGATE_TYPE));
    }

    /** The latest snapshot of an aggregate; there is one per aggregate, keyed by its identifier. */
    static Document snapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        return withMessage(new Document(ID, snapshot.getAggregateIdentifier()), snapshot, serializer)
                .append("eventIdentifier", snapshot.getIdentifier());
    }

    static DomainEventData<String> eventData(Document document) {
        return data(document, document.getString(ID));
    }

    static DomainEventData<String> snapshotData(Document document) {
        return data(document, document.getString("eventIdentifier"));
    }

    static long globalIndex(Document document) {
        return document.get(GLOBAL_INDEX, Number.class).longValue();
    }

    private static Document withMessage(Document document, DomainEventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        return document
                .append(AGGREGATE_ID, event.getAggregateIdentifier())
                .append(SEQUENCE_NUMBER, event.getSequenceNumber())
                .append(AGGREGATE_TYPE, event.getType())
                .append(TIMESTAMP, Date.from(event.getTimestamp()))
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, payload.getData())
                .append(META_DATA, metaData.getData());
    }

    private static DomainEventData<String> data(Document document, String eventIdentifier) {
        return new GenericDomainEventEntry<>(
                document.getString(AGGREGATE_TYPE),
                document.getString(AGGREGATE_ID),
                document.get(SEQUENCE_NUMBER, Number.class).longValue(),
                eventIdentifier,
                document.getDate(TIMESTAMP).toInstant(),
                document.getString(PAYLOAD_TYPE),
                document.getString(PAYLOAD_REVISION),
                document.getString(PAYLOAD),
                document.getString(META_DATA));
    }
}
