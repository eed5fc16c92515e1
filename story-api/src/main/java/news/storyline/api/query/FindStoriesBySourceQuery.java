package news.storyline.api.query;

/**
 * The stories attributed to a source, newest filing first, at most {@code limit} of them. Answered with a
 * {@link SourceStories}.
 *
 * @param source the source's id or any of its names, as the reader wrote it ("АФП", "Франс прес", "afp"); a name
 *               the source registry does not know is matched as written
 * @param thread only stories linked to this thread (its slug) now; null for all
 */
public record FindStoriesBySourceQuery(String source, String thread, int limit) {
}
