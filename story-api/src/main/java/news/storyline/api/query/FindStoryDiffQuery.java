package news.storyline.api.query;

/**
 * What changed in a story's headline, lead and body from version {@code from} to version {@code to}
 * ({@code from <= to}). Answered with a {@link StoryDiff}, or nothing when either version's text is not kept: no
 * such version, or the story was withdrawn.
 */
public record FindStoryDiffQuery(String storyId, long from, long to) {
}
