package news.storyline.api.query;

/**
 * Every revision of one story, oldest first. Answered with a {@link StoryHistory}, or nothing when no such story was
 * filed.
 */
public record FindStoryHistoryQuery(String storyId) {
}
