package news.storyline.api.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.storyline.api.story.AttributionHop;
import news.storyline.api.story.Dateline;

import java.time.Instant;
import java.util.List;

/**
 * One event of a story in a thread's timeline, with the story as it stood right after it.
 *
 * @param kind        {@code FILED}, {@code UPDATED}, {@code CORRECTED}, {@code ATTRIBUTED}, {@code LINKED},
 *                    {@code UNLINKED} or {@code WITHDRAWN}
 * @param version     the story's version after the event
 * @param headline    the headline as it stood then; absent once the story was withdrawn
 * @param attribution the story's attribution chains as they stood then
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(Instant at, String kind, String storyId, long version, String headline,
                            Dateline dateline, List<List<AttributionHop>> attribution) {
}
