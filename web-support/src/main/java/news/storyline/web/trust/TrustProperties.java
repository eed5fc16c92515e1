package news.storyline.web.trust;

import news.storyline.trust.CallerTokens;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Where the secret the gateway signs caller tokens with comes from: {@code storyline.trust.secret-file}
 * ({@code STORYLINE_TRUST_SECRET_FILE}), a file holding it in base64; or, for tests, {@code storyline.trust.secret},
 * the base64 secret itself. Exactly one must be set: there is no default, since a default secret is no secret.
 */
@ConfigurationProperties("storyline.trust")
public record TrustProperties(String secretFile, String secret) {

    CallerTokens callerTokens() {
        boolean fromFile = secretFile != null && !secretFile.isBlank();
        boolean given = secret != null && !secret.isBlank();
        if (fromFile == given) {
            throw new TrustNotConfiguredException(fromFile
                    ? "Both storyline.trust.secret-file and storyline.trust.secret are set; set only one."
                    : "No caller-token secret is configured. Without one the service would answer anyone who reaches"
                      + " its port, so it does not start.");
        }
        try {
            return fromFile ? CallerTokens.fromSecretFile(Path.of(secretFile.strip()))
                            : CallerTokens.fromBase64Secret(secret);
        } catch (IllegalArgumentException | UncheckedIOException unusable) {
            throw new TrustNotConfiguredException(unusable.getMessage(), unusable);
        }
    }
}
