package news.storyline.brief.webhook;

import java.util.List;

/**
 * A registration: where to send, and optionally which types (all when absent), which thread (any when absent),
 * and the position to start after (the feed's head when absent: only events from now on).
 */
public record WebhookRequest(String url, List<String> types, String thread, Long after) {
}
