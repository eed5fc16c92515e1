package news.storyline.api.story;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A story was killed. Read models keep the fact and the reason, not the text. */
@Revision("1")
public record StoryWithdrawnEvent(String storyId, String reason, Editor editor, Instant withdrawnAt) implements StoryEvent {
}
