package news.storyline.api.query;

import java.util.List;

/**
 * What a search found, newest filing first, each shown as a brief.
 *
 * @param query the text searched for, as asked
 */
public record SearchResults(String query, List<Brief> results) {
}
