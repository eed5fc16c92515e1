package news.storyline.brief.feed;

import java.util.List;

/**
 * A page of the feed.
 *
 * @param entries the entries that passed the filter, in order of position
 * @param next    the position to read after for the following page: the last position examined, also when the
 *                filter passed it over, so that the next page starts where this one stopped looking
 * @param head    the highest position when the page was read
 */
public record FeedPage(List<FeedEntry> entries, long next, long head) {

    public FeedPage {
        entries = List.copyOf(entries);
    }
}
