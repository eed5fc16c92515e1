package news.storyline.api.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.storyline.api.story.Editor;

import java.time.Instant;
import java.util.List;

/**
 * One change in a story's history: who made it, when, and what it touched. The text itself is not here; a
 * {@link StoryDiff} compares the text of two revisions.
 *
 * @param version the story's version after this change: 1 for the filing, then one more per event
 * @param note    the editor's note on an update or correction; null otherwise
 * @param reason  why the story was withdrawn; null otherwise
 * @param changed what the change touched, named as in {@link StoryView}: {@code headline}, {@code lead},
 *                {@code body}, {@code attributions}, {@code threads}, {@code links}, {@code status}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoryRevision(
        long version,
        Instant at,
        Editor editor,
        Kind kind,
        String note,
        String reason,
        List<String> changed) {

    /** The kind of event that made the revision; updates and corrections as the editor classed them. */
    public enum Kind {
        FILED,
        UPDATE,
        CORRECTION,
        ATTRIBUTED,
        LINKED,
        UNLINKED,
        WITHDRAWN
    }
}
