package news.storyline.api.query;

import java.time.Instant;

/**
 * A page of a thread's timeline, newest first.
 *
 * @param cursor where the previous page ended, as its {@code next} said; null for the first page
 * @param asOf   show the thread exactly as it stood at this instant; null for now
 */
public record FindTimelineQuery(String slug, String cursor, int limit, Instant asOf) {
}
