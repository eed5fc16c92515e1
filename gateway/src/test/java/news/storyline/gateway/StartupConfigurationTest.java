package news.storyline.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway refuses to start unless it knows exactly one way to check tokens and one secret to sign callers. */
class StartupConfigurationTest {

    private final BearerTokenDecoders decoders = new BearerTokenDecoders();
    private final CallerTrustConfiguration trust = new CallerTrustConfiguration();

    @Test
    void neitherOrBothTokenModesStopTheStart(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("jwt-secret");
        Files.writeString(secret, Base64.getEncoder().encodeToString(new byte[32]));

        assertThatThrownBy(() -> decoders.bearerTokenDecoder(new JwtProperties(null, null, null), ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("storyline.jwt.secret-file").hasMessageContaining("jwk-set-uri")
                .hasMessageContaining("neither");
        assertThatThrownBy(() -> decoders.bearerTokenDecoder(new JwtProperties(secret, null, null),
                "https://idp.example/jwks"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("both");
        assertThat(decoders.bearerTokenDecoder(new JwtProperties(secret, null, null), "")).isNotNull();
        assertThat(decoders.bearerTokenDecoder(new JwtProperties(null, null, null), "https://idp.example/jwks"))
                .isNotNull();
    }

    @Test
    void aSecretFileThatIsNotBase64OrTooShortStopsTheStart(@TempDir Path dir) throws Exception {
        Path notBase64 = Files.writeString(dir.resolve("a"), "not base64!");
        Path tooShort = Files.writeString(dir.resolve("b"), Base64.getEncoder().encodeToString(new byte[16]));

        assertThatThrownBy(() -> decoders.bearerTokenDecoder(new JwtProperties(notBase64, null, null), ""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> decoders.bearerTokenDecoder(new JwtProperties(tooShort, null, null), ""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32");
    }

    @Test
    void theCallerSecretMustBeGivenOnce(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("trust"), TestTokens.TRUST_SECRET_BASE64);

        assertThatThrownBy(() -> trust.callerTokens(new TrustProperties(null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("storyline.trust.secret-file");
        assertThatThrownBy(() -> trust.callerTokens(new TrustProperties(file.toString(), TestTokens.TRUST_SECRET_BASE64)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("both");
        assertThat(trust.callerTokens(new TrustProperties(file.toString(), null))).isNotNull();
    }
}
