package news.storyline.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import news.storyline.trust.Caller;
import news.storyline.trust.CallerTokens;
import news.storyline.trust.HmacSecrets;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The tokens the bench needs: users' bearer tokens, signed as {@code bin/stack token} signs them (HS256 with the
 * stack's JWT secret), and the caller token the gateway would relay, to call story-service directly.
 */
final class Tokens {

    /** Longer than any run, so no client has to renew its token mid-measurement. */
    private static final Duration USER_TOKEN_LIFETIME = Duration.ofHours(6);

    private final byte[] jwtSecret;
    private final CallerTokens callerTokens;

    Tokens(Path jwtSecretFile, Path trustSecretFile) {
        this.jwtSecret = HmacSecrets.read(jwtSecretFile, "the stack's JWT secret");
        this.callerTokens = CallerTokens.fromSecretFile(trustSecretFile);
    }

    /** A bearer token for the user {@code subject}, as bin/stack's make_token writes one. */
    String user(String subject, String role) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("name", "Bench " + subject)
                .claim("roles", List.of(role))
                .issuer("storyline-local")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(USER_TOKEN_LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(jwtSecret));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a bench token", e);
        }
        return jwt.serialize();
    }

    /** What the gateway relays for {@code subject}; it lives 60 s, so it is minted per request, as the gateway does. */
    String caller(String subject, String role) {
        return callerTokens.issue(new Caller(subject, "Bench " + subject, Set.of(role)));
    }
}
