package news.storyline.story.web.idempotency;

/**
 * What is kept for a key: the fingerprint of the request that claimed it and, once that request has finished, its
 * answer. Without an answer the key is pending: its first request is still running (or died running).
 */
public record IdempotencyRecord(String requestFingerprint, StoredResponse response) {

    boolean isAnswered() {
        return response != null;
    }
}
