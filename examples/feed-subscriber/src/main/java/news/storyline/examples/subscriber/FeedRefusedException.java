package news.storyline.examples.subscriber;

/**
 * The feed refused the bearer token: 401 (missing, malformed or expired) or 403 (its roles may not read the feed).
 * Asking again with the same token cannot help, so the subscriber stops with this instead of retrying.
 */
public class FeedRefusedException extends Exception {

    private final int status;

    public FeedRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 401 or 403. */
    public int status() {
        return status;
    }
}
