package news.storyline.api.story;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A story's link to a thread or to another story was removed. */
@Revision("1")
public record StoryUnlinkedEvent(String storyId, LinkTarget target, Editor editor, Instant unlinkedAt) implements StoryEvent {
}
