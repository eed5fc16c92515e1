package news.storyline.trust;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTokensTest {

    private static final byte[] SECRET = filled(32, 1);
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final Caller EDITOR = new Caller("local-editor", "Local Editor", Set.of(Roles.EDITOR, Roles.READER));

    private final CallerTokens tokens = new CallerTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anIssuedTokenVerifiesToTheSameCaller() {
        assertThat(tokens.verify(tokens.issue(EDITOR))).isEqualTo(EDITOR);
        assertThat(EDITOR.hasRole(Roles.EDITOR)).isTrue();
        assertThat(EDITOR.hasRole(Roles.ADMIN)).isFalse();
    }

    @Test
    void aTokenLivesSixtySeconds() {
        String token = tokens.issue(EDITOR);
        assertThat(at(NOW.plusSeconds(59)).verify(token)).isEqualTo(EDITOR);
        assertThatThrownBy(() -> at(NOW.plusSeconds(66)).verify(token))
                .isInstanceOf(UntrustedCallerException.class).hasMessageContaining("expired");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String foreign = new CallerTokens(filled(32, 2), Clock.fixed(NOW, ZoneOffset.UTC)).issue(EDITOR);
        assertThatThrownBy(() -> tokens.verify(foreign)).isInstanceOf(UntrustedCallerException.class);
    }

    @Test
    void anUnsignedMalformedOrMissingTokenIsRefused() {
        String unsigned = new PlainJWT(claims("storyline-gateway", "storyline-services")).serialize();
        for (String token : new String[] {unsigned, "garbage", "", null}) {
            assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(UntrustedCallerException.class);
        }
    }

    @Test
    void aTokenForAnotherIssuerOrAudienceIsRefused() throws Exception {
        for (JWTClaimsSet claims : new JWTClaimsSet[] {claims("storyline-local", "storyline-services"),
                claims("storyline-gateway", "someone-else")}) {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(SECRET));
            assertThatThrownBy(() -> tokens.verify(jwt.serialize())).isInstanceOf(UntrustedCallerException.class);
        }
    }

    @Test
    void theSecretComesFromABase64File(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trust-secret");
        Files.writeString(file, Base64.getEncoder().encodeToString(SECRET) + "\n");
        assertThat(CallerTokens.fromSecretFile(file).verify(new CallerTokens(SECRET).issue(EDITOR))).isEqualTo(EDITOR);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new CallerTokens(filled(16, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCallerWithoutANameIsCalledByItsSubject() {
        assertThat(new Caller("svc", null, null)).isEqualTo(new Caller("svc", "svc", Set.of()));
    }

    private CallerTokens at(Instant instant) {
        return new CallerTokens(SECRET, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private static JWTClaimsSet claims(String issuer, String audience) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("local-editor")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plus(Duration.ofSeconds(60)))).build();
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
