package news.storyline.brief.live;

/** What a stream sends for a feed event it wants. Runs on the connection's own writer, never on the tailer. */
@FunctionalInterface
public interface EventRendering {

    OutgoingEvent render(FeedEvent event);
}
