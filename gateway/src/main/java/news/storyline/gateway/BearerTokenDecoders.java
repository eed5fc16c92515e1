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

/**
 * The one {@link ReactiveJwtDecoder} the gateway checks bearer tokens with: HS256 with the local stack's secret
 * ({@code storyline.jwt.secret-file}), or RS256 against a real identity provider's keys
 * ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}). Exactly one must be configured: with neither the
 * gateway could check nothing, and with both it would be unclear which tokens count, so either stops the start.
 *
 * <p>Each mode accepts only its own algorithm, so an HS256 token cannot pass as RS256 (or the reverse) by naming
 * another {@code alg} in its header. Expiry and not-before are always checked (with Spring's 60 s of clock skew);
 * a subject always; issuer and audience when configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JwtProperties.class)
class BearerTokenDecoders {

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
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(StringUtils.hasText(properties.issuer())
                ? JwtValidators.createDefaultWithIssuer(properties.issuer()) : JwtValidators.createDefault());
        // The subject is who the services record as the author, and what rate limits count by.
        validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, StringUtils::hasText));
        if (StringUtils.hasText(properties.audience())) {
            validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                    audiences -> audiences != null && audiences.contains(properties.audience())));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static byte[] secret(Path file) {
        try {
            return HmacSecrets.read(file, "the JWT secret (storyline.jwt.secret-file)");
        } catch (IllegalArgumentException | UncheckedIOException unusable) {
            throw new IllegalStateException(unusable.getMessage(), unusable);
        }
    }
}
