package news.storyline.api.upcasting;

import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.eventstore.StorylineJson;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Events stored in revision 1, exactly as the first version of Storyline wrote them, load in today's shape. */
class EditorAsObjectUpcasterTest {

    private static final Instant AT = Instant.parse("2026-03-09T07:15:30Z");

    private final Serializer serializer = StorylineJson.serializer();
    private final EventUpcasterChain chain = StorylineUpcasters.chain();

    @Test
    void liftsARevisionOneFilingToAnEditorObject() {
        String stored = """
                {"storyId":"s1","headline":"Ким Чен-ун обеща подкрепа","lead":"Лийд.","body":"Текст.",
                 "dateline":{"place":"Пхенян"},"language":"bg","desk":"world","filedBy":"local-editor",
                 "filedAt":"2026-03-09T07:15:30Z"}""";

        Object event = load("news.storyline.api.story.StoryFiledEvent", "1", stored);

        assertThat(event).isEqualTo(new StoryFiledEvent("s1", "Ким Чен-ун обеща подкрепа", "Лийд.", "Текст.",
                                                        Dateline.of("Пхенян"), "bg", "world",
                                                        Editor.of("local-editor"), AT));
    }

    @Test
    void liftsARevisionOneUpdateToAnEditorObject() {
        String stored = """
                {"storyId":"s1","headline":"Ново заглавие","kind":"CORRECTION","note":"Име",
                 "editor":"local-editor","updatedAt":"2026-03-09T07:15:30Z"}""";

        Object event = load("news.storyline.api.story.StoryUpdatedEvent", "1", stored);

        assertThat(event).isEqualTo(new StoryUpdatedEvent("s1", "Ново заглавие", null, null, RevisionKind.CORRECTION,
                                                          "Име", Editor.of("local-editor"), AT));
    }

    @Test
    void leavesCurrentRevisionsAlone() {
        StoryFiledEvent current = new StoryFiledEvent("s1", "Заглавие", "Лийд.", "Текст.", Dateline.of("Москва"),
                                                      "bg", null, new Editor("e1", "Мария"), AT);
        String stored = serializer.serialize(current, String.class).getData();

        assertThat(load("news.storyline.api.story.StoryFiledEvent", "2", stored)).isEqualTo(current);
    }

    private Object load(String type, String revision, String payload) {
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>(
                "Story", "s1", 0, "event-1", AT, type, revision, payload, "{}");
        Stream<IntermediateEventRepresentation> upcast =
                chain.upcast(Stream.of(new InitialEventRepresentation(entry, serializer)));
        List<IntermediateEventRepresentation> events = upcast.toList();
        assertThat(events).hasSize(1);
        return serializer.deserialize(events.get(0).getData());
    }
}
