package news.storyline.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * {@code storyline.jwt}: how the gateway checks bearer tokens in HS256 mode, and what it demands of every token.
 *
 * @param secretFile a file holding the HS256 secret in base64 (the local stack's {@code var/jwt-secret}); leave
 *                   unset to check RS256 tokens against {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}
 * @param issuer     when set, a token's {@code iss} must equal it; in HS256 mode it defaults to
 *                   {@value #LOCAL_ISSUER}, the issuer {@code bin/stack token} names
 * @param audience   when set, a token's {@code aud} must contain it
 */
@ConfigurationProperties("storyline.jwt")
record JwtProperties(Path secretFile, String issuer, String audience) {

    /** The issuer of the local stack's HS256 tokens. */
    static final String LOCAL_ISSUER = "storyline-local";
}
