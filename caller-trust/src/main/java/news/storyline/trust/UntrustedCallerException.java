package news.storyline.trust;

/**
 * A caller token that cannot be trusted: missing, malformed, not signed with the shared secret, expired, or issued
 * for someone else. Its message says which, for logs; it is not meant for the client.
 */
public class UntrustedCallerException extends RuntimeException {

    public UntrustedCallerException(String message) {
        super(message);
    }

    public UntrustedCallerException(String message, Throwable cause) {
        super(message, cause);
    }
}
