package news.storyline.testsupport;

import news.storyline.trust.Caller;
import news.storyline.trust.CallerTokens;
import news.storyline.trust.Roles;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Stands in for the gateway in the services' tests: one random caller-token secret for this JVM, which every
 * {@link ServiceIT} service is given ({@link TrustedTestCallers}), and tokens minted with it.
 */
public final class TestCallers {

    /** Whom {@link Api#on(int)} calls as: an editor with every role, so that any request is allowed. */
    public static final Caller EDITOR = new Caller("test-editor", "Тестов Редактор",
                                                   Set.of(Roles.READER, Roles.EDITOR, Roles.SUBSCRIBER, Roles.ADMIN));

    private static final byte[] SECRET = randomSecret();
    private static final CallerTokens TOKENS = new CallerTokens(SECRET);

    private TestCallers() {
    }

    /** A fresh token for {@code caller}, as the gateway would attach it. */
    public static String tokenFor(Caller caller) {
        return TOKENS.issue(caller);
    }

    /** The secret in base64, as {@code storyline.trust.secret} takes it. */
    public static String base64Secret() {
        return Base64.getEncoder().encodeToString(SECRET);
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
