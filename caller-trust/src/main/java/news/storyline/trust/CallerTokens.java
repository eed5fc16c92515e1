package news.storyline.trust;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Mints and verifies caller tokens: short-lived JWTs (JWS, HS256) that the gateway attaches to every request it
 * relays, in {@link #HEADER}, naming the {@link Caller}. Only who holds the shared secret can mint one, so a service
 * that verifies them answers only requests that came through the gateway, and learns from the token (never from
 * anything else the client sent) who the caller is.
 */
public final class CallerTokens {

    public static final String HEADER = "X-Storyline-Caller";

    static final String ISSUER = "storyline-gateway";
    static final String AUDIENCE = "storyline-services";
    static final String NAME_CLAIM = "name";
    static final String ROLES_CLAIM = "roles";

    /** HS256 needs a key as long as its hash; a shorter one would make tokens easier to forge. */
    static final int MIN_SECRET_BYTES = 32;
    /** A token only has to outlive one hop from the gateway to a service. */
    static final Duration LIFETIME = Duration.ofSeconds(60);
    /** The gateway's and the service's clocks may differ this much. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;

    public CallerTokens(byte[] secret) {
        this(secret, Clock.systemUTC());
    }

    public CallerTokens(byte[] secret, Clock clock) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("The caller-token secret must be at least " + MIN_SECRET_BYTES
                                               + " bytes; generate one with: openssl rand -base64 32");
        }
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException unusable) {
            throw new IllegalArgumentException("The caller-token secret cannot be used for HS256", unusable);
        }
        this.clock = clock;
    }

    /** From a file holding the secret in base64 (as {@code openssl rand -base64 32} prints it). */
    public static CallerTokens fromSecretFile(Path file) {
        String base64;
        try {
            base64 = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the caller-token secret file " + file, unreadable);
        }
        try {
            return fromBase64Secret(base64);
        } catch (IllegalArgumentException unusable) {
            throw new IllegalArgumentException("The caller-token secret file " + file + " is unusable: "
                                               + unusable.getMessage(), unusable);
        }
    }

    /** From the secret in base64, surrounding whitespace ignored. */
    public static CallerTokens fromBase64Secret(String base64) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            // The decoder's message quotes the offending character: part of the secret, so it is not passed on.
            throw new IllegalArgumentException("The caller-token secret is not valid base64");
        }
        return new CallerTokens(secret);
    }

    /** A token for {@code caller}, valid for {@link #LIFETIME}. */
    public String issue(Caller caller) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(caller.subject())
                .claim(NAME_CLAIM, caller.name())
                .claim(ROLES_CLAIM, List.copyOf(caller.roles()))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            token.sign(signer);
        } catch (JOSEException impossible) {
            throw new IllegalStateException("HS256 signing failed with a key checked at construction", impossible);
        }
        return token.serialize();
    }

    /** The caller that {@code token} names, once it is proven to be the gateway's, current and meant for us. */
    public Caller verify(String token) throws UntrustedCallerException {
        if (token == null || token.isBlank()) {
            throw new UntrustedCallerException("No caller token");
        }
        SignedJWT jwt = parse(token);
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new UntrustedCallerException("The caller token is not signed with HS256");
        }
        if (!signatureHolds(jwt)) {
            throw new UntrustedCallerException("The caller token's signature is not valid");
        }
        return callerIn(claimsOf(jwt));
    }

    private static SignedJWT parse(String token) throws UntrustedCallerException {
        try {
            return SignedJWT.parse(token.strip());
        } catch (ParseException malformed) {
            throw new UntrustedCallerException("The caller token is not a signed JWT", malformed);
        }
    }

    private boolean signatureHolds(SignedJWT jwt) throws UntrustedCallerException {
        try {
            return jwt.verify(verifier);
        } catch (JOSEException unverifiable) {
            throw new UntrustedCallerException("The caller token's signature cannot be checked", unverifiable);
        }
    }

    private static JWTClaimsSet claimsOf(SignedJWT jwt) throws UntrustedCallerException {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException malformed) {
            throw new UntrustedCallerException("The caller token's claims are not readable", malformed);
        }
    }

    private Caller callerIn(JWTClaimsSet claims) throws UntrustedCallerException {
        if (!ISSUER.equals(claims.getIssuer())) {
            throw new UntrustedCallerException("The caller token was not issued by the gateway");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(AUDIENCE)) {
            throw new UntrustedCallerException("The caller token is not meant for the services");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !clock.instant().minus(CLOCK_SKEW).isBefore(expiry.toInstant())) {
            throw new UntrustedCallerException("The caller token has expired");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new UntrustedCallerException("The caller token names no subject");
        }
        try {
            return new Caller(subject, claims.getStringClaim(NAME_CLAIM), rolesIn(claims));
        } catch (ParseException wrongType) {
            throw new UntrustedCallerException("The caller token's name or roles are not text", wrongType);
        }
    }

    private static Set<String> rolesIn(JWTClaimsSet claims) throws ParseException {
        List<String> roles = claims.getStringListClaim(ROLES_CLAIM);
        if (roles != null && roles.contains(null)) {
            throw new ParseException("A role is null", 0);
        }
        return roles == null ? Set.of() : new HashSet<>(roles);
    }
}
