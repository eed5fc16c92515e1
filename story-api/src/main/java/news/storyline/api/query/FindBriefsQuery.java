package news.storyline.api.query;

/** The newest briefs first, at most {@code limit} of them. Answered with a {@link BriefList}. */
public record FindBriefsQuery(int limit) {
}
