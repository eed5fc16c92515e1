package news.storyline.api.query;

/**
 * One entry of a thread's timeline: the story's event that brought it to {@code version}. Answered with a
 * {@link TimelineEntry}, or nothing while the timeline has not recorded that event in that thread (yet).
 */
public record FindTimelineEntryQuery(String slug, String storyId, long version) {
}
