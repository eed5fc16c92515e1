package news.storyline.brief.webhook;

import java.util.List;
import java.util.Set;

/** The part of the event feed that webhooks read: pages of stored CloudEvents after a position. */
public interface FeedSource {

    /**
     * Up to {@code limit} events after {@code after}, in position order, of the {@code types} (all when empty) that
     * concern {@code thread} (any when {@code null}).
     */
    Page read(long after, int limit, Set<String> types, String thread);

    /** The highest position given out so far; 0 while the feed is empty. */
    long head();

    /** One event as the feed stores it: {@code cloudEvent} is the exact structured-mode JSON to send. */
    record Event(long position, String type, String cloudEvent) {
    }

    /** Events, and the position to read after next: the last one examined, even when the filters skipped it. */
    record Page(List<Event> events, long next) {
    }
}
