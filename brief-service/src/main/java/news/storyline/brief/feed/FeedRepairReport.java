package news.storyline.brief.feed;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a repair did.
 *
 * @param repaired              whether anything was rewritten (a sound feed is left as it is)
 * @param keptUpTo              every entry up to this position was kept unchanged
 * @param firstRepairedPosition the first position rewritten from the store: a subscriber that read past
 *                              {@code keptUpTo} resumes after {@code keptUpTo}, reading on from this one
 * @param removed               how many entries after {@code keptUpTo} were removed, to be written again from the store
 * @param check                 the check the repair acted on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedRepairReport(boolean repaired, long keptUpTo, Long firstRepairedPosition, long removed,
                               FeedCheckReport check) {
}
