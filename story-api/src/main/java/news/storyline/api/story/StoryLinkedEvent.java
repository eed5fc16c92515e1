package news.storyline.api.story;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A story was linked to a thread or to another story. */
@Revision("1")
public record StoryLinkedEvent(String storyId, LinkTarget target, Editor editor, Instant linkedAt) implements StoryEvent {
}
