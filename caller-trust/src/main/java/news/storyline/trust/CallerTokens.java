package news.storyline.trust;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    private static final String WHAT = "the caller-token secret";
    /** A token only has to outlive one hop from the gateway to a service. */
    static final Duration LIFETIME = Duration.ofSeconds(60);
    /** The gateway's and the service's clocks may differ this much. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    /** An issued token is handed out again for this long: the gateway signs once per caller, not per request. */
    static final Duration REUSE = LIFETIME.dividedBy(2);
    /** Tokens remembered at most, issued or verified; beyond it the memory starts over. */
    private static final int REMEMBERED_AT_MOST = 10_000;

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;
    /**
     * Tokens issued, by caller. Minting one per request (claims, JSON, HMAC) was a tenth of the gateway's CPU per
     * relayed request; a caller's token is reused while it has over half its lifetime left.
     */
    private final Map<Caller, Issued> issued = new ConcurrentHashMap<>();
    /**
     * Tokens whose signature and claims held, with the caller they name. The same string verifies the same way
     * every time; only its expiry is checked again.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public CallerTokens(byte[] secret) {
        this(secret, Clock.systemUTC());
    }

    public CallerTokens(byte[] secret, Clock clock) {
        HmacSecrets.requireLongEnough(secret, WHAT);
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
        return new CallerTokens(HmacSecrets.read(file, WHAT));
    }

    /** From the secret in base64, surrounding whitespace ignored. */
    public static CallerTokens fromBase64Secret(String base64) {
        return new CallerTokens(HmacSecrets.decode(base64, WHAT));
    }

    /**
     * From {@code storyline.trust}: exactly one of a secret file ({@code secret-file}) or the base64 secret itself
     * ({@code secret}, for tests) must be given; there is no default, since a default secret is no secret.
     */
    public static CallerTokens fromConfiguration(String secretFile, String base64Secret) {
        boolean fromFile = secretFile != null && !secretFile.isBlank();
        boolean given = base64Secret != null && !base64Secret.isBlank();
        if (fromFile && given) {
            throw new IllegalArgumentException(
                    "storyline.trust.secret-file and storyline.trust.secret are both set; set only one.");
        }
        if (!fromFile && !given) {
            throw new IllegalArgumentException("No caller-token secret is configured: set storyline.trust.secret-file"
                                               + " (STORYLINE_TRUST_SECRET_FILE) or storyline.trust.secret (base64).");
        }
        return fromFile ? fromSecretFile(Path.of(secretFile.strip())) : fromBase64Secret(base64Secret);
    }

    /** A token for {@code caller}, valid for at least half of {@link #LIFETIME}. */
    public String issue(Caller caller) {
        Instant now = clock.instant();
        Issued reusable = issued.get(caller);
        if (reusable != null && now.isBefore(reusable.issuedAt().plus(REUSE)) && !now.isBefore(reusable.issuedAt())) {
            return reusable.token();
        }
        String token = mint(caller, now);
        remember(issued, caller, new Issued(token, now));
        return token;
    }

    private String mint(Caller caller, Instant now) {
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
        Verified known = verified.get(token);
        if (known != null) {
            requireUnexpired(known.expiry());
            return known.caller();
        }
        SignedJWT jwt = parse(token);
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new UntrustedCallerException("The caller token is not signed with HS256");
        }
        if (!signatureHolds(jwt)) {
            throw new UntrustedCallerException("The caller token's signature is not valid");
        }
        JWTClaimsSet claims = claimsOf(jwt);
        Caller caller = callerIn(claims);
        remember(verified, token, new Verified(caller, claims.getExpirationTime()));
        return caller;
    }

    private static <K, V> void remember(Map<K, V> memory, K key, V value) {
        if (memory.size() >= REMEMBERED_AT_MOST) {
            memory.clear();
        }
        memory.put(key, value);
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
        requireUnexpired(claims.getExpirationTime());
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

    private void requireUnexpired(Date expiry) throws UntrustedCallerException {
        if (expiry == null || !clock.instant().minus(CLOCK_SKEW).isBefore(expiry.toInstant())) {
            throw new UntrustedCallerException("The caller token has expired");
        }
    }

    private record Issued(String token, Instant issuedAt) {
    }

    private record Verified(Caller caller, Date expiry) {
    }

    private static Set<String> rolesIn(JWTClaimsSet claims) throws ParseException {
        List<String> roles = claims.getStringListClaim(ROLES_CLAIM);
        if (roles != null && roles.contains(null)) {
            throw new ParseException("A role is null", 0);
        }
        return roles == null ? Set.of() : new HashSet<>(roles);
    }
}
