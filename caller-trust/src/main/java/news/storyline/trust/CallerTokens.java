package news.storyline.trust;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code X-Storyline-Caller} credential: a short-lived HS256 JWS the gateway issues for every request it forwards
 * and the services verify with the same secret. A request that bypasses the gateway has no such token and cannot
 * make one, so the services refuse it even on the same machine.
 *
 * <p>Short-lived (60 s) because it only has to survive one hop; the issuer and audience are fixed so that a token
 * of another kind signed with the same secret by mistake is still refused.
 */
public final class CallerTokens {

    public static final String HEADER = "X-Storyline-Caller";

    static final String ISSUER = "storyline-gateway";
    static final String AUDIENCE = "storyline-services";
    static final Duration LIFETIME = Duration.ofSeconds(60);
    /** Tolerated clock difference between gateway and service hosts. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    private static final int MIN_SECRET_BYTES = 32;

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;

    public CallerTokens(byte[] secret) {
        this(secret, Clock.systemUTC());
    }

    public CallerTokens(byte[] secret, Clock clock) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("The caller secret must have at least " + MIN_SECRET_BYTES + " bytes");
        }
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Unusable caller secret", e);
        }
        this.clock = clock;
    }

    /** Reads the shared secret from a file that holds it in base64 (surrounding whitespace ignored). */
    public static CallerTokens fromSecretFile(Path base64File) {
        try {
            String base64 = Files.readString(base64File, StandardCharsets.US_ASCII).strip();
            return new CallerTokens(Base64.getDecoder().decode(base64));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the caller secret file " + base64File, e);
        }
    }

    public String issue(Caller caller) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(caller.subject())
                .claim("name", caller.name())
                .claim("roles", List.copyOf(caller.roles()))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a caller token", e);
        }
        return jwt.serialize();
    }

    public Caller verify(String token) throws UntrustedCallerException {
        if (token == null || token.isBlank()) {
            throw new UntrustedCallerException("No caller token");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new UntrustedCallerException("Malformed caller token", e);
        }
        // Only HS256 is accepted: the algorithm comes from the token, so "none" or another must be refused here.
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new UntrustedCallerException("Caller token not signed with HS256");
        }
        try {
            if (jwt.getState() != JWSObject.State.SIGNED || !jwt.verify(verifier)) {
                throw new UntrustedCallerException("Caller token signature does not verify");
            }
        } catch (JOSEException e) {
            throw new UntrustedCallerException("Caller token signature does not verify", e);
        }
        if (!ISSUER.equals(claims.getIssuer()) || claims.getAudience() == null
                || !claims.getAudience().contains(AUDIENCE)) {
            throw new UntrustedCallerException("Caller token not issued by the gateway for the services");
        }
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        if (expires == null || !now.isBefore(expires.toInstant().plus(CLOCK_SKEW))) {
            throw new UntrustedCallerException("Caller token expired");
        }
        Date issued = claims.getIssueTime();
        if (issued != null && issued.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw new UntrustedCallerException("Caller token issued in the future");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new UntrustedCallerException("Caller token names no subject");
        }
        try {
            return new Caller(subject, claims.getStringClaim("name"), roles(claims));
        } catch (ParseException e) {
            throw new UntrustedCallerException("Caller token claims are malformed", e);
        }
    }

    private static Set<String> roles(JWTClaimsSet claims) throws ParseException {
        List<String> roles = claims.getStringListClaim("roles");
        return roles == null ? Set.of() : new LinkedHashSet<>(roles);
    }
}
