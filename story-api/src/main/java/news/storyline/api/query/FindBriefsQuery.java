package news.storyline.api.query;

/**
 * The newest briefs first, at most {@code limit} of them, of the stories linked to {@code thread} when it is set.
 * Answered with a {@link BriefList}.
 */
public record FindBriefsQuery(String thread, int limit) {

    public static FindBriefsQuery newest(int limit) {
        return new FindBriefsQuery(null, limit);
    }
}
