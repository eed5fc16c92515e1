package news.storyline.brief.feed;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a {@link FeedCheck} found.
 *
 * @param checkedAt         when the check began
 * @param millis            how long it took
 * @param feedEntries       the feed entries it compared (up to the head as it stood when the check began)
 * @param storeEvents       the store's events it compared
 * @param storeCoveredUpTo  the highest global index the feed's processor had handled when the check began, below
 *                          which every store event must be in the feed ({@code null} when that was not known, and
 *                          no event was reported missing)
 * @param discrepancies     how many it found, all listed or not
 * @param byKind            how many of each kind
 * @param firstBadPosition  the lowest position concerned by any discrepancy; {@code null} for a sound feed
 * @param lastGoodPosition  the highest position the feed vouches for: every entry up to it is sound
 * @param listed            the discrepancies, in order of position, at most as many as asked for
 * @param truncated         whether there were more than listed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedCheckReport(Instant checkedAt, long millis, long feedEntries, long storeEvents,
                              Long storeCoveredUpTo, long discrepancies, Map<FeedDiscrepancy.Kind, Long> byKind,
                              Long firstBadPosition, long lastGoodPosition, List<FeedDiscrepancy> listed,
                              boolean truncated) {

    public boolean sound() {
        return discrepancies == 0;
    }
}
