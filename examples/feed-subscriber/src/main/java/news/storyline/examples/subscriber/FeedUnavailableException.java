package news.storyline.examples.subscriber;

/**
 * The feed did not answer with a page: no answer at all, a status other than 200 (and other than the 401 and 403 of
 * a {@link FeedRefusedException}), or a body that is not a page. Worth retrying later.
 */
public class FeedUnavailableException extends Exception {

    public FeedUnavailableException(String message) {
        super(message);
    }

    public FeedUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
