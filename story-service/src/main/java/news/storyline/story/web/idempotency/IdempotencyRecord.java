package news.storyline.story.web.idempotency;

/**
 * What is kept for a key: the fingerprint of the request that claimed it, the service instance that holds the claim
 * and, once that request has finished, its answer. Without an answer the key is pending: its first request is still
 * running (or died running, or could not let the key go because the database was down).
 */
public record IdempotencyRecord(String requestFingerprint, String holder, StoredResponse response) {

    boolean isAnswered() {
        return response != null;
    }
}
