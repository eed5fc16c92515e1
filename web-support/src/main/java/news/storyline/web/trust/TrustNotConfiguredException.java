package news.storyline.web.trust;

/** The service cannot tell the gateway's requests from others': its caller-token secret is missing or unusable. */
public class TrustNotConfiguredException extends IllegalStateException {

    TrustNotConfiguredException(String message) {
        super(message);
    }

    TrustNotConfiguredException(String message, Throwable cause) {
        super(message, cause);
    }
}
