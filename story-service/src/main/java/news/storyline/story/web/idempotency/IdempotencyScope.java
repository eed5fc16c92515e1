package news.storyline.story.web.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What a key is unique within: the same key from another caller, or sent to another route, names another write.
 */
public record IdempotencyScope(String key, String caller, String method, String path) {

    /** The request attribute under which a keyed write finds its scope. */
    public static final String ATTRIBUTE = "news.storyline.story.web.idempotency.IdempotencyScope";

    /**
     * An id that every attempt of this write gets alike, for what the write creates: should two attempts both run
     * (the first one's holder crashed before it could keep its answer), the second finds the id taken instead of
     * creating a twin.
     */
    public String derivedId() {
        return UUID.nameUUIDFromBytes(String.join("\n", caller, method, path, key).getBytes(StandardCharsets.UTF_8))
                   .toString();
    }
}
