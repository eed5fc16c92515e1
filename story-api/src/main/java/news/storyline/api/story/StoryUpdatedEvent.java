package news.storyline.api.story;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A story got a new revision. Only the fields that changed are set; the others are null.
 * Corrections are shown to readers as corrections.
 */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoryUpdatedEvent(
        String storyId,
        String headline,
        String lead,
        String body,
        RevisionKind kind,
        String note,
        String editor,
        Instant updatedAt) {
}
