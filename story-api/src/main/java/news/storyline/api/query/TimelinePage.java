package news.storyline.api.query;

import java.util.List;

/**
 * A page of a timeline.
 *
 * @param next the cursor of the following (older) page; null on the last page
 */
public record TimelinePage(List<TimelineEntry> entries, String next) {
}
