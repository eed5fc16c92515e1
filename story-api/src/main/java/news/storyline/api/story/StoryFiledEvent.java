package news.storyline.api.story;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A story was filed: the first revision of its headline, lead and body. */
@Revision("1")
public record StoryFiledEvent(
        String storyId,
        String headline,
        String lead,
        String body,
        Dateline dateline,
        String language,
        String desk,
        String filedBy,
        Instant filedAt) {
}
