package news.storyline.brief.feed;

import java.util.List;

/**
 * One event of the feed.
 *
 * @param position       its dense, permanent position (1, 2, 3, ...)
 * @param ceType         its CloudEvents type, such as {@code news.storyline.story.filed.v1}
 * @param threads        the slugs of the threads it concerns
 * @param cloudEvent     the event as CloudEvents structured-mode JSON on one line: serve it as it is
 * @param aggregateId    the story id or thread slug whose event it is, or {@code null} for an event that is no
 *                       aggregate's
 * @param sequenceNumber the event's place in its aggregate's stream (0 for the first), or {@link #NOT_IN_A_STREAM}
 */
public record FeedEntry(long position, String ceType, List<String> threads, String cloudEvent, String aggregateId,
                        long sequenceNumber) {

    /** The sequence number of an event that is no aggregate's. */
    public static final long NOT_IN_A_STREAM = -1;

    private static final String STORY_EVENTS = "news.storyline.story.";

    public FeedEntry {
        threads = List.copyOf(threads);
    }

    public boolean isStoryEvent() {
        return ceType.startsWith(STORY_EVENTS);
    }

    /** The story's or thread's version right after this event (versions count from 1). */
    public long version() {
        return sequenceNumber + 1;
    }
}
