package news.storyline.systemtest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import news.storyline.trust.Caller;
import news.storyline.trust.CallerTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The two secrets of a stack, made fresh for each run as {@code bin/stack} makes them for the local one: the key
 * that signs users' JWTs (the gateway checks them) and the key only the gateway and the services share (the
 * gateway signs the caller token it relays). Holding both, a test can act as a user of the gateway, or as the
 * gateway itself when it calls a service directly.
 */
final class StackSecrets {

    private static final int SECRET_BYTES = 32;
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path jwtSecretFile;
    private final Path trustSecretFile;
    private final byte[] jwtSecret;
    private final CallerTokens callerTokens;

    private StackSecrets(Path jwtSecretFile, Path trustSecretFile, byte[] jwtSecret, byte[] trustSecret) {
        this.jwtSecretFile = jwtSecretFile;
        this.trustSecretFile = trustSecretFile;
        this.jwtSecret = jwtSecret;
        this.callerTokens = new CallerTokens(trustSecret);
    }

    /** New secrets, written in base64 to files in {@code directory} for the services to read. */
    static StackSecrets generate(Path directory) {
        byte[] jwtSecret = randomBytes();
        byte[] trustSecret = randomBytes();
        return new StackSecrets(write(directory.resolve("jwt-secret"), jwtSecret),
                                write(directory.resolve("trust-secret"), trustSecret), jwtSecret, trustSecret);
    }

    /**
     * The argument that points story-service or brief-service at the secret it shares with the gateway. As with
     * {@code bin/stack}, the services never get the JWT secret: users' tokens are the gateway's to check.
     */
    List<String> serviceArgs() {
        return List.of("--storyline.trust.secret-file=" + trustSecretFile);
    }

    /** The arguments that point the gateway at both secret files: it checks users' tokens and signs caller tokens. */
    List<String> gatewayArgs() {
        return List.of("--storyline.jwt.secret-file=" + jwtSecretFile, "--storyline.trust.secret-file=" + trustSecretFile);
    }

    /** A user's bearer token, as an identity provider (here: {@code bin/stack token}) would issue it. */
    String userToken(String subject, String name, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("name", name)
                .claim("roles", List.of(roles))
                .issuer("storyline-local")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(jwtSecret));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a test token", e);
        }
        return jwt.serialize();
    }

    /** What the gateway relays to a service on behalf of {@code caller}. */
    String callerToken(String subject, String name, String... roles) {
        return callerTokens.issue(new Caller(subject, name, Set.of(roles)));
    }

    private static byte[] randomBytes() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    private static Path write(Path file, byte[] secret) {
        try {
            Files.writeString(file, Base64.getEncoder().encodeToString(secret));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
