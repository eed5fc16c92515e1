package news.storyline.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;


/**
 * {@code storyline.trust}: the secret the gateway and the services share to sign and check caller tokens. Exactly
 * one of the two: a file holding it in base64 (the stack's), or the base64 itself (tests).
 */
@ConfigurationProperties("storyline.trust")
record TrustProperties(String secretFile, String secret) {
}
