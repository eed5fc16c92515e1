package news.storyline.brief.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.data.BytesCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import news.storyline.api.story.StoryAttributedEvent;
import news.storyline.api.story.StoryEvent;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryUnlinkedEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.StoryWithdrawnEvent;
import news.storyline.api.thread.ThreadClosedEvent;
import news.storyline.api.thread.ThreadOpenedEvent;
import news.storyline.api.thread.ThreadRenamedEvent;
import news.storyline.eventstore.StorylineJson;
import org.axonframework.eventhandling.EventMessage;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Map.entry;

/**
 * An event as the feed publishes it: CloudEvents 1.0 in structured-mode JSON, exactly as the feed contract (issue 6)
 * says, built once when the event is projected and served as that string ever after.
 * <p>
 * The types are spelled out per event rather than derived from class names: a type is a public contract
 * ({@code v1} is the version of the data consumers see, independent of the Axon {@code @Revision}), so renaming a
 * class must not rename it, and an event without a type here is refused rather than published under a guessed name.
 */
public final class CloudEventMapping {

    private static final String STORIES = "/storyline/stories/";
    private static final String THREADS = "/storyline/threads/";

    /** What the event store's serializer writes, so that {@code data} is the story-api record as stored. */
    private static final ObjectMapper STORAGE_JSON = StorylineJson.storageMapper();
    private static final JsonFormat CLOUD_EVENTS_JSON = new JsonFormat();

    private static final Map<Class<?>, Mapping> MAPPINGS = Map.ofEntries(
            story(StoryFiledEvent.class, "news.storyline.story.filed.v1"),
            story(StoryUpdatedEvent.class, "news.storyline.story.updated.v1"),
            story(StoryAttributedEvent.class, "news.storyline.story.attributed.v1"),
            story(StoryLinkedEvent.class, "news.storyline.story.linked.v1"),
            story(StoryUnlinkedEvent.class, "news.storyline.story.unlinked.v1"),
            story(StoryWithdrawnEvent.class, "news.storyline.story.withdrawn.v1"),
            thread(ThreadOpenedEvent.class, "news.storyline.thread.opened.v1", ThreadOpenedEvent::slug),
            thread(ThreadRenamedEvent.class, "news.storyline.thread.renamed.v1", ThreadRenamedEvent::slug),
            thread(ThreadClosedEvent.class, "news.storyline.thread.closed.v1", ThreadClosedEvent::slug));

    /** Axon's metadata keys the extensions come from. */
    private static final String REQUEST_CORRELATION_ID = "requestCorrelationId";
    private static final String COMMAND_MESSAGE_ID = "correlationId";
    private static final String TRACEPARENT = "traceparent";

    private CloudEventMapping() {
    }

    /** Every CloudEvents type the feed publishes, in alphabetical order. */
    public static final SortedSet<String> KNOWN_TYPES = Collections.unmodifiableSortedSet(
            MAPPINGS.values().stream().map(Mapping::type).collect(Collectors.toCollection(TreeSet::new)));

    /**
     * Refuses {@code types} unless the feed publishes every one of them, naming the ones it does not.
     *
     * @param field the part of the request the types came from, for the answer
     */
    public static void requireKnown(String field, Collection<String> types) {
        SortedSet<String> unknown = types.stream().filter(type -> !KNOWN_TYPES.contains(type))
                                         .collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            throw new UnknownEventTypeException(field, unknown, KNOWN_TYPES);
        }
    }

    /** The CloudEvents type of events of {@code payloadType}. */
    public static String type(Class<?> payloadType) {
        return mapping(payloadType).type();
    }

    /** Whom the event is about: the story's id, or the thread's slug for a thread's own event. */
    public static String subject(Object payload) {
        return mapping(payload.getClass()).subject().apply(payload);
    }

    /** The event at feed {@code position} as CloudEvents structured-mode JSON, on one line. */
    public static String toJson(EventMessage<?> event, long position) {
        return new String(CLOUD_EVENTS_JSON.serialize(toCloudEvent(event, position)), StandardCharsets.UTF_8);
    }

    private static CloudEvent toCloudEvent(EventMessage<?> event, long position) {
        Object payload = event.getPayload();
        Mapping mapping = mapping(payload.getClass());
        String subject = mapping.subject().apply(payload);
        CloudEventBuilder cloudEvent = CloudEventBuilder.v1()
                .withId(event.getIdentifier())
                .withSource(source(mapping.sourcePrefix(), subject))
                .withType(mapping.type())
                .withTime(event.getTimestamp().atOffset(ZoneOffset.UTC))
                .withSubject(subject)
                .withDataContentType("application/json")
                .withData(BytesCloudEventData.wrap(data(payload)))
                // CloudEvents integers are 32 bits; the SDK would write a Long as a string. Two billion events
                // are far beyond this feed; toIntExact fails loudly rather than publish a wrong position.
                .withExtension("position", Math.toIntExact(position));
        withMetadata(cloudEvent, "correlationid", event.getMetaData().get(REQUEST_CORRELATION_ID));
        withMetadata(cloudEvent, "causationid", event.getMetaData().get(COMMAND_MESSAGE_ID));
        withMetadata(cloudEvent, "traceparent", event.getMetaData().get(TRACEPARENT));
        return cloudEvent.build();
    }

    private static void withMetadata(CloudEventBuilder cloudEvent, String extension, Object value) {
        if (value != null && !value.toString().isBlank()) {
            cloudEvent.withExtension(extension, value.toString());
        }
    }

    private static Mapping mapping(Class<?> payloadType) {
        Mapping mapping = MAPPINGS.get(payloadType);
        if (mapping == null) {
            throw new IllegalArgumentException("No CloudEvents type for " + payloadType.getName()
                                               + "; give it one in " + CloudEventMapping.class.getSimpleName());
        }
        return mapping;
    }

    private static byte[] data(Object payload) {
        try {
            return STORAGE_JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + payload.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * The id is a path segment of a URI reference. Story ids and slugs are plain ASCII today; anything else in one
     * (a space, a Cyrillic letter) is percent-encoded rather than published as an invalid reference.
     */
    private static URI source(String prefix, String id) {
        try {
            return URI.create(new URI(null, null, prefix + id, null).toASCIIString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a usable id for a CloudEvents source: " + id, e);
        }
    }

    private static Map.Entry<Class<?>, Mapping> story(Class<? extends StoryEvent> event, String type) {
        return entry(event, new Mapping(type, STORIES, payload -> ((StoryEvent) payload).storyId()));
    }

    private static <E> Map.Entry<Class<?>, Mapping> thread(Class<E> event, String type, Function<E, String> slug) {
        return entry(event, new Mapping(type, THREADS, payload -> slug.apply(event.cast(payload))));
    }

    private record Mapping(String type, String sourcePrefix, Function<Object, String> subject) {
    }
}
