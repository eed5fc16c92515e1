package news.storyline.api.query;

/** The current state of one story. Answered with a {@link StoryView}, or nothing when no such story was filed. */
public record FindStoryQuery(String storyId) {
}
