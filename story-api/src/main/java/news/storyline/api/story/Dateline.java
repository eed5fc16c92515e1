package news.storyline.api.story;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Where a story was reported from, and optionally the moment it speaks of ("Пхенян", yesterday's meeting).
 *
 * @param place the place as the newsroom writes it, in the story's language
 * @param at    the time the story speaks of, when it differs from when it was filed; may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Dateline(String place, Instant at) {

    public static Dateline of(String place) {
        return new Dateline(place, null);
    }
}
