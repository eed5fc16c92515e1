package news.storyline.api.story;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A story got a new revision. Only the fields that changed are set; the others are null.
 * Corrections are shown to readers as corrections.
 * <p>
 * Revision 2: {@code editor} is an {@link Editor}; revision 1 stored a bare id (see {@code EditorAsObjectUpcaster}).
 */
@Revision("2")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoryUpdatedEvent(
        String storyId,
        String headline,
        String lead,
        String body,
        RevisionKind kind,
        String note,
        Editor editor,
        Instant updatedAt) implements StoryEvent {
}
