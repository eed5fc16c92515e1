package news.storyline.gateway;

import news.storyline.trust.HmacSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.StringUtils;

import javax.crypto.spec.SecretKeySpec;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The one {@link ReactiveJwtDecoder} the gateway checks bearer tokens with: HS256 with the local stack's secret
 * ({@code storyline.jwt.secret-file}), or RS256 against a real identity provider's keys
 * ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}). Exactly one must be configured: with neither the
 * gateway could check nothing, and with both it would be unclear which tokens count, so either stops the start.
 *
 * <p>Each mode accepts only its own algorithm, so an HS256 token cannot pass as RS256 (or the reverse) by naming
 * another {@code alg} in its header. Expiry (which every token must have) and not-before are always checked (with Spring's 60 s of clock skew);
 * a subject always; issuer and audience when configured, and in HS256 mode the local stack's issuer
 * ({@value JwtProperties#LOCAL_ISSUER}) unless another is configured; {@code roles}, when present, must be a list of
 * names.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JwtProperties.class)
class BearerTokenDecoders {

    /** The display name the services record beside the subject. */
    static final String NAME_CLAIM = "name";
    private static final int MAX_SUBJECT = 255;
    private static final int MAX_NAME = 200;
    private static final int MAX_ROLES = 20;
    private static final int MAX_ROLE = 50;

    @Bean
    ReactiveJwtDecoder bearerTokenDecoder(JwtProperties properties,
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri) {
        boolean hs256 = properties.secretFile() != null;
        boolean rs256 = StringUtils.hasText(jwkSetUri);
        if (hs256 == rs256) {
            throw new IllegalStateException("Configure exactly one way to check bearer tokens: "
                    + "storyline.jwt.secret-file (STORYLINE_JWT_SECRET_FILE, HS256) or "
                    + "spring.security.oauth2.resourceserver.jwt.jwk-set-uri (RS256); "
                    + (hs256 ? "both are set." : "neither is set."));
        }
        NimbusReactiveJwtDecoder decoder = hs256
                ? NimbusReactiveJwtDecoder.withSecretKey(new SecretKeySpec(secret(properties.secretFile()), "HmacSHA256"))
                        .macAlgorithm(MacAlgorithm.HS256).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> validator = validator(properties, hs256);
        decoder.setJwtValidator(validator);
        return new RememberingJwtDecoder(decoder, validator);
    }

    private static OAuth2TokenValidator<Jwt> validator(JwtProperties properties, boolean hs256) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        // The local stack's tokens (bin/stack token) always name their issuer; a token that names none, or another,
        // was not minted for this gateway even if it is signed with the same secret.
        String issuer = StringUtils.hasText(properties.issuer()) ? properties.issuer()
                : hs256 ? JwtProperties.LOCAL_ISSUER : null;
        validators.add(issuer != null ? JwtValidators.createDefaultWithIssuer(issuer) : JwtValidators.createDefault());
        // The subject is who the services record as the author, and what rate limits count by.
        // A token that never expires is a password that cannot be changed: every token must say when it ends.
        validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull));
        // Both travel on to the services in the caller token, a header: a few hundred characters, not kilobytes.
        validators.add(new JwtClaimValidator<Object>(JwtClaimNames.SUB,
                subject -> subject instanceof String text && StringUtils.hasText(text) && text.length() <= MAX_SUBJECT));
        validators.add(new JwtClaimValidator<Object>(NAME_CLAIM,
                name -> name == null || (name instanceof String text && text.length() <= MAX_NAME)));
        if (StringUtils.hasText(properties.audience())) {
            validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                    audiences -> audiences != null && audiences.contains(properties.audience())));
        }
        // Roles are a list of names: anything else (a string, a list of lists) is a malformed token, not an error.
        validators.add(new JwtClaimValidator<Object>(GatewaySecurity.ROLES_CLAIM, BearerTokenDecoders::isListOfNames));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    /** Absent (no role), or a JSON array of a few non-blank strings. */
    static boolean isListOfNames(Object roles) {
        if (roles == null) {
            return true;
        }
        if (!(roles instanceof Collection<?> names) || names.size() > MAX_ROLES) {
            return false;
        }
        for (Object name : names) {
            if (!(name instanceof String text) || !StringUtils.hasText(text) || text.length() > MAX_ROLE) {
                return false;
            }
        }
        return true;
    }

    private static byte[] secret(Path file) {
        try {
            return HmacSecrets.read(file, "the JWT secret (storyline.jwt.secret-file)");
        } catch (IllegalArgumentException | UncheckedIOException unusable) {
            throw new IllegalStateException(unusable.getMessage(), unusable);
        }
    }
}
