package news.storyline.examples.subscriber;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One answer of {@code GET /api/events}: the events (CloudEvents, position order), the position to ask after next
 * (the last one the server examined, even when filters skipped it) and the feed's head when it answered.
 */
public record FeedPage(List<JsonNode> events, long next, long head) {

    /** Whether the page reached the head: nothing more to read until new events are written. */
    public boolean caughtUp() {
        return next >= head;
    }
}
