package news.storyline.trust;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Caller EDITOR = new Caller("editor-7", "Мария Петрова", Set.of(Roles.EDITOR, Roles.READER));

    private final byte[] secret = randomSecret();
    private final CallerTokens tokens = new CallerTokens(secret, at(NOW));

    @Test
    void aTokenItIssuedNamesTheSameCaller() throws Exception {
        Caller verified = tokens.verify(tokens.issue(EDITOR));

        assertThat(verified).isEqualTo(EDITOR);
        assertThat(verified.hasRole(Roles.EDITOR)).isTrue();
        assertThat(verified.hasRole(Roles.ADMIN)).isFalse();
    }

    @Test
    void aCallerWithoutANameOrRolesSurvivesTheRoundTrip() throws Exception {
        Caller anonymousName = new Caller("service-account", null, null);

        assertThat(tokens.verify(tokens.issue(anonymousName))).isEqualTo(new Caller("service-account", null, Set.of()));
    }

    @Test
    void issuesAnHs256TokenFromTheGatewayForTheServicesValidForAMinute() throws Exception {
        SignedJWT token = SignedJWT.parse(tokens.issue(EDITOR));
        JWTClaimsSet claims = token.getJWTClaimsSet();

        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(claims.getIssuer()).isEqualTo("storyline-gateway");
        assertThat(claims.getAudience()).containsExactly("storyline-services");
        assertThat(claims.getSubject()).isEqualTo("editor-7");
        assertThat(claims.getStringClaim("name")).isEqualTo("Мария Петрова");
        assertThat(claims.getStringListClaim("roles")).containsExactlyInAnyOrder("editor", "reader");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() {
        String forged = new CallerTokens(randomSecret(), at(NOW)).issue(EDITOR);

        assertUntrusted(forged, "signature");
    }

    @Test
    void acceptsATokenUpToFiveSecondsPastItsExpiryAndNotAfter() throws Exception {
        String token = tokens.issue(EDITOR);

        assertThat(new CallerTokens(secret, at(NOW.plusSeconds(64))).verify(token)).isEqualTo(EDITOR);
        assertThatThrownBy(() -> new CallerTokens(secret, at(NOW.plusSeconds(65))).verify(token))
                .isInstanceOf(UntrustedCallerException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void handsACallersTokenOutAgainWhileOverHalfItsLifetimeIsLeftThenMintsANewOne() {
        MovingClock clock = new MovingClock(NOW);
        CallerTokens gateway = new CallerTokens(secret, clock);
        String first = gateway.issue(EDITOR);

        clock.now = NOW.plusSeconds(29);
        assertThat(gateway.issue(EDITOR)).isEqualTo(first);
        assertThat(gateway.issue(new Caller("editor-8", "Иван", Set.of(Roles.EDITOR)))).isNotEqualTo(first);

        clock.now = NOW.plusSeconds(30);
        assertThat(gateway.issue(EDITOR)).isNotEqualTo(first);
    }

    @Test
    void aTokenVerifiedBeforeIsStillRefusedOnceExpired() throws Exception {
        MovingClock clock = new MovingClock(NOW);
        CallerTokens service = new CallerTokens(secret, clock);
        String token = tokens.issue(EDITOR);
        assertThat(service.verify(token)).isEqualTo(EDITOR);

        clock.now = NOW.plusSeconds(65);
        assertThatThrownBy(() -> service.verify(token))
                .isInstanceOf(UntrustedCallerException.class)
                .hasMessageContaining("expired");
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void refusesATokenFromAnotherIssuerOrForAnotherAudience() throws Exception {
        assertUntrusted(signed(claims().issuer("someone-else").build()), "gateway");
        assertUntrusted(signed(claims().audience("another-service").build()), "services");
        assertUntrusted(signed(claims().audience((String) null).build()), "services");
    }

    @Test
    void refusesATokenWithoutSubjectOrExpiry() throws Exception {
        assertUntrusted(signed(claims().subject(null).build()), "subject");
        assertUntrusted(signed(claims().expirationTime(null).build()), "expired");
    }

    @Test
    void refusesRolesThatAreNotText() throws Exception {
        assertUntrusted(signed(claims().claim("roles", List.of(1, 2)).build()), "roles");
    }

    @Test
    void refusesAnUnsignedToken() {
        String unsigned = new PlainJWT(new PlainHeader(), claims().build()).serialize();

        assertUntrusted(unsigned, "signed");
    }

    @Test
    void refusesATokenWhoseAlgorithmIsNotHs256() throws Exception {
        SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims().build());
        hs512.sign(new MACSigner(randomBytes(64)));

        assertUntrusted(hs512.serialize(), "HS256");
    }

    @Test
    void refusesATokenWhosePayloadWasChanged() {
        String[] parts = tokens.issue(new Caller("reader-1", null, Set.of(Roles.READER))).split("\\.");
        String promoted = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"reader\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));

        assertUntrusted(parts[0] + "." + promoted + "." + parts[2], "signature");
    }

    @Test
    void refusesWhatIsNoTokenAtAll() {
        assertUntrusted(null, "No caller token");
        assertUntrusted("  ", "No caller token");
        assertUntrusted("not-a-jwt", "not a signed JWT");
    }

    @Test
    void refusesASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> new CallerTokens(randomBytes(31)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new CallerTokens(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheSecretInBase64FromAFile(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("secret"),
                                      "  " + Base64.getEncoder().encodeToString(secret) + "\n");

        CallerTokens fromFile = CallerTokens.fromSecretFile(file);

        assertThat(tokens.verify(fromFile.issue(EDITOR))).as("signed with the same secret").isEqualTo(EDITOR);
    }

    @Test
    void refusesASecretFileThatIsNotBase64OrTooShort(@TempDir Path directory) throws Exception {
        Path notBase64 = Files.writeString(directory.resolve("raw"), "this is not base64 at all!");
        Path tooShort = Files.writeString(directory.resolve("short"),
                                          Base64.getEncoder().encodeToString(randomBytes(16)));

        assertThatThrownBy(() -> CallerTokens.fromSecretFile(notBase64))
                .hasMessageContaining("not valid base64")
                .hasMessageNotContaining("this is not");
        assertThatThrownBy(() -> CallerTokens.fromSecretFile(tooShort)).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> CallerTokens.fromSecretFile(directory.resolve("missing")))
                .hasMessageContaining("Cannot read");
    }

    private void assertUntrusted(String token, String reason) {
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOf(UntrustedCallerException.class)
                .hasMessageContaining(reason);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer("storyline-gateway")
                .audience("storyline-services")
                .subject("editor-7")
                .claim("roles", List.of("editor"))
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(Duration.ofSeconds(60))));
    }

    private String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        token.sign(new MACSigner(secret));
        return token.serialize();
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static byte[] randomSecret() {
        return randomBytes(32);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
