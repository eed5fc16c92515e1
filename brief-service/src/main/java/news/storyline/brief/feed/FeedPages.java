package news.storyline.brief.feed;

/** The feed read by position, as {@link FeedReader} reads it; what the live streams need of it. */
public interface FeedPages {

    /** The highest position given out so far; 0 while the feed is empty. */
    long head();

    /**
     * Up to {@code limit} entries after {@code after} that pass {@code filter}, in order and never past the head
     * as it stood when the read began, with where the following page starts.
     */
    FeedPage page(long after, int limit, FeedFilter filter);
}
