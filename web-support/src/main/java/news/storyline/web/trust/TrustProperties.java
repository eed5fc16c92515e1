package news.storyline.web.trust;

import news.storyline.trust.CallerTokens;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.io.UncheckedIOException;

/**
 * Where the secret the gateway signs caller tokens with comes from: {@code storyline.trust.secret-file}
 * ({@code STORYLINE_TRUST_SECRET_FILE}), a file holding it in base64; or, for tests, {@code storyline.trust.secret},
 * the base64 secret itself. Exactly one must be set: there is no default, since a default secret is no secret.
 */
@ConfigurationProperties("storyline.trust")
public record TrustProperties(String secretFile, String secret) {

    private static final String CONSEQUENCE =
            " Without a usable secret the service would answer anyone who reaches its port, so it does not start.";

    CallerTokens callerTokens() {
        try {
            return CallerTokens.fromConfiguration(secretFile, secret);
        } catch (IllegalArgumentException misconfigured) {
            // The message says all there is to say; the start fails with it as its root cause.
            throw new TrustNotConfiguredException(misconfigured.getMessage() + CONSEQUENCE);
        } catch (UncheckedIOException unreadable) {
            throw new TrustNotConfiguredException(unreadable.getMessage() + CONSEQUENCE, unreadable);
        }
    }
}
