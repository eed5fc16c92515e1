package news.storyline.brief.live;

import java.util.List;

/** Where the live streams read the feed from. */
public interface FeedSource {

    /**
     * Up to {@code limit} documents right after {@code position}, in order and without a hole: the answer stops
     * before the first missing position, since positions are dense and a missing one is only late.
     */
    List<FeedEvent> after(long position, int limit);

    /** The highest position below which the feed has no hole. */
    long contiguousHead();
}
