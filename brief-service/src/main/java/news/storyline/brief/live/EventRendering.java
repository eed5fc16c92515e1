package news.storyline.brief.live;

import news.storyline.brief.feed.FeedEntry;

/** What a stream sends for a feed event it wants. Runs on the connection's own writer, never on the tailer. */
@FunctionalInterface
public interface EventRendering {

    OutgoingEvent render(FeedEntry event);
}
