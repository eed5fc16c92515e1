package news.storyline.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Bearer tokens for gateway tests, shaped like {@code bin/stack token <role>}'s: HS256 over the test secret, with
 * {@code sub}, {@code name}, {@code roles}, {@code iss}, {@code iat} and {@code exp}.
 */
final class TestTokens {

    static final byte[] JWT_SECRET = filled(32, 7);
    /** The secret the gateway shares with the services, in the base64 storyline.trust.secret takes. */
    static final byte[] TRUST_SECRET = filled(32, 11);
    static final String TRUST_SECRET_BASE64 = Base64.getEncoder().encodeToString(TRUST_SECRET);

    private TestTokens() {
    }

    /** A file holding {@link #JWT_SECRET} in base64, as {@code var/jwt-secret} does. */
    static Path jwtSecretFile() {
        try {
            Path file = Files.createTempFile("gateway-test-jwt-secret", ".b64");
            file.toFile().deleteOnExit();
            Files.writeString(file, Base64.getEncoder().encodeToString(JWT_SECRET) + "\n", StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code Bearer <token>} for a valid token of subject {@code local-<first role>} with these roles. */
    static String bearer(String... roles) {
        return "Bearer " + token("local-" + (roles.length == 0 ? "nobody" : roles[0]), roles);
    }

    static String token(String subject, String... roles) {
        return sign(hs256(JWT_SECRET), claims(subject, Instant.now(), Duration.ofMinutes(10), roles));
    }

    /** Expired ten minutes ago, well past any clock skew allowed. */
    static String expired(String... roles) {
        return sign(hs256(JWT_SECRET),
                claims("local-expired", Instant.now().minus(Duration.ofMinutes(20)), Duration.ofMinutes(10), roles));
    }

    /** Well-formed but signed with another secret. */
    static String signedWithAnotherSecret(String... roles) {
        return sign(hs256(filled(32, 99)), claims("local-forger", Instant.now(), Duration.ofMinutes(10), roles));
    }

    /** Signed, but names no subject. */
    static String withoutSubject(String... roles) {
        return sign(hs256(JWT_SECRET), new JWTClaimsSet.Builder(
                claims("ignored", Instant.now(), Duration.ofMinutes(10), roles)).subject(null).build());
    }

    /** {@code "alg": "none"}: must never pass for signed. */
    static String unsigned(String... roles) {
        return new PlainJWT(claims("local-none", Instant.now(), Duration.ofMinutes(10), roles)).serialize();
    }

    static JWTClaimsSet claims(String subject, Instant issuedAt, Duration lifetime, String... roles) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("name", "Local " + subject)
                .claim("roles", List.of(roles))
                .issuer("storyline-local")
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .build();
    }

    private static String sign(JWSSigner signer, JWTClaimsSet claims) {
        return sign(signer, new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
    }

    static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static JWSSigner hs256(byte[] secret) {
        try {
            return new MACSigner(secret);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
