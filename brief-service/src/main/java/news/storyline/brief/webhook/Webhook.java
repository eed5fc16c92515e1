package news.storyline.brief.webhook;

import news.storyline.brief.feed.FeedFilter;

import java.time.Instant;
import java.util.Set;

/**
 * A registered receiver and how far delivery to it has come.
 *
 * @param types          the CloudEvents types it receives; all when empty
 * @param thread         the thread whose events it receives; all when {@code null}
 * @param position       the last feed position handled: delivered, dead-lettered or skipped by the filters
 * @param failedAttempts failed attempts so far at the next event to deliver
 * @param retryAt        when to try that event again; {@code null} when nothing failed
 * @param lastError      what went wrong with the last failed attempt
 */
public record Webhook(String id, String url, Set<String> types, String thread, String secret, long position,
                      Instant createdAt, int failedAttempts, Instant retryAt, String lastError) {

    /** The feed's events this webhook receives. */
    FeedFilter filter() {
        return new FeedFilter(types, thread);
    }

    boolean isDue(Instant now) {
        return retryAt == null || !retryAt.isAfter(now);
    }
}
