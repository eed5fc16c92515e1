package news.storyline.story.web.idempotency;

/**
 * What a key is unique within: the same key from another caller, or sent to another route, names another write.
 */
public record IdempotencyScope(String key, String caller, String method, String path) {
}
