package news.storyline.api.query;

import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;

import java.time.Instant;

/**
 * A story as readers see it now.
 *
 * @param version the number of revisions so far: 1 once filed, then one more per change
 */
public record StoryView(
        String id,
        long version,
        String status,
        String headline,
        String lead,
        String body,
        Dateline dateline,
        String language,
        String desk,
        Editor filedBy,
        Instant filedAt,
        Instant updatedAt) {
}
