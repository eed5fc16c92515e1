package news.storyline.api.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A developing thread at a glance.
 *
 * @param version       the number of the thread's own events (opened, renamed, closed)
 * @param status        {@code OPEN} or {@code CLOSED}
 * @param stories       how many stories are linked to it now
 * @param entries       how many events of those stories its timeline shows
 * @param firstActivity the oldest entry of its timeline; null while it has none
 * @param lastActivity  the newest entry of its timeline; null while it has none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThreadSummary(String slug, long version, String title, String description, String status,
                            Instant openedAt, Instant closedAt, long stories, long entries,
                            Instant firstActivity, Instant lastActivity) {
}
