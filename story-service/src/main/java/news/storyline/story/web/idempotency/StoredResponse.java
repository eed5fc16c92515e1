package news.storyline.story.web.idempotency;

import java.util.Map;

/** The answer to the first request with a key, as it is replayed: status, the headers that matter, body. */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {
}
