package news.storyline.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 1 of {@code StoryFiledEvent} and {@code StoryUpdatedEvent} named the editor by a bare id
 * ({@code "filedBy": "local-editor"}); revision 2 names an editor as an object with the id and a display name
 * ({@code "filedBy": {"id": "local-editor"}}). This lifts stored revision-1 events to revision 2 as they load,
 * so the event classes know only their current shape.
 */
public final class EditorAsObjectUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final String field;

    private EditorAsObjectUpcaster(String eventType, String field) {
        this.from = new SimpleSerializedType(eventType, "1");
        this.field = field;
    }

    public static EditorAsObjectUpcaster storyFiled() {
        return new EditorAsObjectUpcaster("news.storyline.api.story.StoryFiledEvent", "filedBy");
    }

    public static EditorAsObjectUpcaster storyUpdated() {
        return new EditorAsObjectUpcaster("news.storyline.api.story.StoryUpdatedEvent", "editor");
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(from.getName(), "2"),
                JsonNode.class,
                this::editorAsObject);
    }

    private JsonNode editorAsObject(JsonNode payload) {
        ObjectNode event = (ObjectNode) payload;
        JsonNode editor = event.get(field);
        if (editor != null && editor.isTextual()) {
            event.putObject(field).put("id", editor.asText());
        }
        return event;
    }
}
