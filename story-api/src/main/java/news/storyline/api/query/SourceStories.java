package news.storyline.api.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.storyline.api.story.AttributionRole;
import news.storyline.api.story.Dateline;

import java.time.Instant;
import java.util.List;

/**
 * The stories a source is in the attribution chains of, newest filing first. Withdrawn stories are left out.
 *
 * @param source the source asked about: its id and name when the registry knows it, else only the name as asked
 */
public record SourceStories(SourceRef source, List<AttributedStory> stories) {

    /** A source by its registry id and name; an unknown one has no id and the name as written. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceRef(String id, String name) {
    }

    /**
     * One story the source is in a chain of.
     *
     * @param roles   the parts the source played in the story's chains, each once
     * @param threads the slugs of the threads the story is linked to now
     */
    public record AttributedStory(String storyId, String headline, Dateline dateline, Instant filedAt,
                                  List<AttributionRole> roles, List<String> threads) {
    }
}
