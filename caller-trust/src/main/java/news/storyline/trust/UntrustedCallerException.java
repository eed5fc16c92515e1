package news.storyline.trust;

/**
 * A caller token that does not prove the gateway relayed the request. The message says what is wrong in words safe
 * to log or show (never the secret, never the token).
 */
public class UntrustedCallerException extends Exception {

    public UntrustedCallerException(String reason) {
        super(reason);
    }

    public UntrustedCallerException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
