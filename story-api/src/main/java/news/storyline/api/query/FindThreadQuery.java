package news.storyline.api.query;

/** One thread by its slug. Answered with a {@link ThreadSummary}, or nothing when no such thread was opened. */
public record FindThreadQuery(String slug) {
}
