package news.storyline.api.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.storyline.api.story.AttributionHop;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.StoryRelation;

import java.time.Instant;
import java.util.List;

/**
 * A story as readers see it now. A withdrawn story keeps the fact and the reason, not the text.
 *
 * @param version      the number of the story's events so far: 1 once filed, then one more per change
 * @param status       {@code PUBLISHED} or {@code WITHDRAWN}
 * @param attributions the chains of sources, each originator first
 * @param threads      the slugs of the developing threads the story belongs to
 * @param links        the other stories it relates to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
        Instant updatedAt,
        List<List<AttributionHop>> attributions,
        List<String> threads,
        List<Link> links,
        Withdrawal withdrawal) {

    public record Link(String story, StoryRelation relation) {
    }

    public record Withdrawal(String reason, Editor editor, Instant at) {
    }
}
