package news.storyline.brief.live;

import java.util.List;

/**
 * One document of the feed as the live streams need it.
 *
 * @param position       the dense feed position, the SSE {@code id}
 * @param ceType         the CloudEvents type, e.g. {@code news.storyline.story.filed.v1}
 * @param threads        the slugs of the threads the event concerns
 * @param cloudEvent     the event as stored CloudEvents JSON, served as is
 * @param aggregateId    the story id or thread slug whose event it is
 * @param sequenceNumber the event's place in its aggregate's stream (0 for the first), or {@link #NOT_IN_A_STREAM}
 */
public record FeedEvent(long position, String ceType, List<String> threads, String cloudEvent, String aggregateId,
                        long sequenceNumber) {

    /** The sequence number of an event that is no aggregate's. */
    public static final long NOT_IN_A_STREAM = -1;

    private static final String STORY_EVENTS = "news.storyline.story.";

    public FeedEvent {
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
