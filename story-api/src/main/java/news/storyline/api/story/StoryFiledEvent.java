package news.storyline.api.story;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A story was filed: the first revision of its headline, lead and body.
 * <p>
 * Revision 2: {@code filedBy} names the editor as an {@link Editor} (id and name from the token); revision 1
 * stored a bare id. {@code upcasting.EditorAsObjectUpcaster} turns old events into the new shape as they load.
 */
@Revision("2")
public record StoryFiledEvent(
        String storyId,
        String headline,
        String lead,
        String body,
        Dateline dateline,
        String language,
        String desk,
        Editor filedBy,
        Instant filedAt) implements StoryEvent {
}
