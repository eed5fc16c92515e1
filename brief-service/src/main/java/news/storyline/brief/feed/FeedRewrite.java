package news.storyline.brief.feed;

/**
 * What the feed's writer does for a repair, while its processor is stopped: keep the entries up to a position, drop
 * the rest, and set its own state (head, thread membership, next position) to what it was after that position.
 */
public interface FeedRewrite {

    /** Keeps the entries up to {@code lastGood} and answers how many it removed after it. */
    long keepUpTo(long lastGood);
}
