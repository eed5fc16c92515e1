package news.storyline.brief.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import news.storyline.api.story.StoryEvent;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.eventstore.StorylineJson;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every event in story-api as the feed publishes it, exactly as the feed contract says. */
class CloudEventMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The contract's table, spelled out here rather than taken from the code under test. */
    private static final Map<String, String> CONTRACT_TYPES = Map.of(
            "StoryFiledEvent", "news.storyline.story.filed.v1",
            "StoryUpdatedEvent", "news.storyline.story.updated.v1",
            "StoryAttributedEvent", "news.storyline.story.attributed.v1",
            "StoryLinkedEvent", "news.storyline.story.linked.v1",
            "StoryUnlinkedEvent", "news.storyline.story.unlinked.v1",
            "StoryWithdrawnEvent", "news.storyline.story.withdrawn.v1",
            "ThreadOpenedEvent", "news.storyline.thread.opened.v1",
            "ThreadRenamedEvent", "news.storyline.thread.renamed.v1",
            "ThreadClosedEvent", "news.storyline.thread.closed.v1");

    static Stream<Object> samples() {
        return FeedEventSamples.ALL.stream();
    }

    @Test
    void everyEventInStoryApiHasASampleAndAType() {
        List<String> events = new ClassFileImporter().importPackages("news.storyline.api").stream()
                .filter(type -> type.getSimpleName().endsWith("Event") && !type.isInterface())
                .map(JavaClass::getSimpleName)
                .toList();

        assertThat(events).containsExactlyInAnyOrderElementsOf(CONTRACT_TYPES.keySet());
        assertThat(FeedEventSamples.ALL).extracting(sample -> sample.getClass().getSimpleName())
                                        .containsExactlyInAnyOrderElementsOf(events);
        assertThat(CloudEventMapping.KNOWN_TYPES).containsExactlyElementsOf(
                CONTRACT_TYPES.values().stream().sorted().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void mapsEveryEventAsTheContractSays(Object payload) throws Exception {
        EventMessage<?> event = message(payload, MetaData.emptyInstance());

        JsonNode cloudEvent = JSON.readTree(CloudEventMapping.toJson(event, 42));

        boolean story = payload instanceof StoryEvent;
        String subject = story ? FeedEventSamples.STORY : FeedEventSamples.THREAD;
        assertThat(cloudEvent.get("specversion").asText()).isEqualTo("1.0");
        assertThat(cloudEvent.get("id").asText()).isEqualTo(event.getIdentifier());
        assertThat(cloudEvent.get("type").asText()).isEqualTo(CONTRACT_TYPES.get(payload.getClass().getSimpleName()));
        assertThat(cloudEvent.get("source").asText())
                .isEqualTo((story ? "/storyline/stories/" : "/storyline/threads/") + subject);
        assertThat(cloudEvent.get("subject").asText()).isEqualTo(subject);
        assertThat(cloudEvent.get("time").asText()).isEqualTo("2026-03-09T07:15:30.123456Z");
        assertThat(cloudEvent.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(cloudEvent.get("data")).isEqualTo(asTheEventStoreWritesIt(payload));
        assertThat(cloudEvent.get("position").isInt()).isTrue();
        assertThat(cloudEvent.get("position").asLong()).isEqualTo(42);
        assertThat(cloudEvent.has("correlationid") || cloudEvent.has("causationid") || cloudEvent.has("traceparent"))
                .as("extensions without metadata to take them from").isFalse();
        assertThat(CloudEventMapping.type(payload.getClass())).isEqualTo(cloudEvent.get("type").asText());
        assertThat(CloudEventMapping.subject(payload)).isEqualTo(subject);
        CloudEventsSchema.assertValid(cloudEvent);
    }

    @Test
    void takesCorrelationCausationAndTraceFromTheMetadata() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        EventMessage<?> event = message(FeedEventSamples.ALL.get(0), MetaData.from(Map.of(
                "requestCorrelationId", "req-17", "correlationId", "command-message-9", "traceparent", traceparent)));

        JsonNode cloudEvent = JSON.readTree(CloudEventMapping.toJson(event, 1));

        assertThat(cloudEvent.get("correlationid").asText()).isEqualTo("req-17");
        assertThat(cloudEvent.get("causationid").asText()).isEqualTo("command-message-9");
        assertThat(cloudEvent.get("traceparent").asText()).isEqualTo(traceparent);
        CloudEventsSchema.assertValid(cloudEvent);
    }

    @Test
    void writesTheTextAsItIsOnOneLine() {
        StoryFiledEvent filed = (StoryFiledEvent) FeedEventSamples.ALL.get(0);
        StoryFiledEvent withLines = new StoryFiledEvent(filed.storyId(), filed.headline(), "Първи ред.\nВтори ред.",
                                                        filed.body(), filed.dateline(), filed.language(),
                                                        filed.desk(), filed.filedBy(), filed.filedAt());

        String json = CloudEventMapping.toJson(message(withLines, MetaData.emptyInstance()), 1);

        assertThat(json).contains("„безусловна подкрепа“").contains("Първи ред.\\nВтори ред.").doesNotContain("\n");
    }

    @Test
    void refusesAnEventWithoutAType() {
        assertThatThrownBy(() -> CloudEventMapping.toJson(message("not an event", MetaData.emptyInstance()), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }

    private static EventMessage<?> message(Object payload, MetaData metaData) {
        return new GenericDomainEventMessage<>("Story", "aggregate-1", 0, payload, metaData, UUID.randomUUID().toString(),
                                               FeedEventSamples.AT);
    }

    private static JsonNode asTheEventStoreWritesIt(Object payload) throws Exception {
        SerializedObject<String> stored = StorylineJson.serializer().serialize(payload, String.class);
        return JSON.readTree(stored.getData());
    }
}
