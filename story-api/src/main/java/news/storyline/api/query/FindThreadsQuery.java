package news.storyline.api.query;

/** Every developing thread, most recently active first. Answered with a {@link ThreadList}. */
public record FindThreadsQuery() {
}
