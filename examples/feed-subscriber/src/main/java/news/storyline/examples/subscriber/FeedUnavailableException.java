package news.storyline.examples.subscriber;

/** The feed did not answer with a page: a status other than 200, or no answer at all. Worth retrying later. */
public class FeedUnavailableException extends Exception {

    public FeedUnavailableException(String message) {
        super(message);
    }

    public FeedUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
