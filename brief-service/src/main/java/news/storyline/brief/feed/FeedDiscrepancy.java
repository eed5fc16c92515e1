package news.storyline.brief.feed;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One way the feed differs from the event store, found by a {@link FeedCheck}.
 *
 * @param kind        what is wrong
 * @param position    the feed position concerned: the entry's own, or for {@link Kind#MISSING_FROM_FEED} and an
 *                    event found {@link Kind#OUT_OF_ORDER} too late, where the store's order would have put it
 * @param eventId     the event's id, when there is an event ({@code null} for a {@link Kind#HOLE})
 * @param globalIndex the event's place in the store, when the store holds it
 * @param foundAt     where the feed holds the event instead, for an event found out of order too late
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedDiscrepancy(Kind kind, long position, String eventId, Long globalIndex, Long foundAt) {

    public enum Kind {
        /** A feed entry whose event the store does not hold. */
        NOT_IN_STORE,
        /** An event of the store that its feed processor has handled, yet the feed does not hold. */
        MISSING_FROM_FEED,
        /** A second feed entry for an event that has one at a lower position. */
        DUPLICATE,
        /** A position up to the feed's head that holds no entry. */
        HOLE,
        /** An entry further from its place in the store's order than a late commit can put it. */
        OUT_OF_ORDER
    }
}
