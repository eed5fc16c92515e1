package news.storyline.brief.feed;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.Set;

/**
 * Which of the store's events the feed's processor had handled when a check began: those up to its token's index
 * but for the token's gaps. Every one of them must be in the feed; any other may still be on its way (a processor
 * that lags, a commit that lands late).
 *
 * @param upTo the token's index; {@code null} when not known (no event is then taken to be missing)
 */
public record StoreCoverage(Long upTo, Set<Long> gaps) {

    public static final StoreCoverage UNKNOWN = new StoreCoverage(null, Set.of());

    public static StoreCoverage of(TrackingToken token) {
        TrackingToken unwrapped = WrappedToken.unwrapLowerBound(token);
        if (unwrapped instanceof GapAwareTrackingToken gapAware) {
            return new StoreCoverage(gapAware.getIndex(), Set.copyOf(gapAware.getGaps()));
        }
        return token == null ? new StoreCoverage(-1L, Set.of()) : UNKNOWN;
    }

    boolean covers(long globalIndex) {
        return upTo != null && globalIndex <= upTo && !gaps.contains(globalIndex);
    }

    long upToOrNone() {
        return upTo == null ? Long.MIN_VALUE : upTo;
    }
}
