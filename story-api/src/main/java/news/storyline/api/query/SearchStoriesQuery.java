package news.storyline.api.query;

/**
 * The stories whose current headline or lead has every word of {@code text}, the last word also as the start of a
 * longer one ("Хамен" finds "Хаменей"), regardless of case; newest filing first, at most {@code limit}. Answered
 * with a {@link SearchResults}.
 */
public record SearchStoriesQuery(String text, int limit) {
}
