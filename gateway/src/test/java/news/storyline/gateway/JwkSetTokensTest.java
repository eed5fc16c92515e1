package news.storyline.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import news.storyline.trust.Roles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RS256 mode: the gateway checks tokens against the keys a (fake) identity provider publishes at its JWK set URI,
 * and demands the configured issuer and audience.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "storyline.jwt.issuer=https://idp.example",
        "storyline.jwt.audience=storyline-api"})
class JwkSetTokensTest {

    private static final RSAKey KEY = generate("idp-key-1");
    private static final RSAKey OTHER_KEY = generate("idp-key-1");
    private static final FakeUpstream IDENTITY_PROVIDER = FakeUpstream.start("identity-provider");
    private static final FakeUpstream SERVICES = FakeUpstream.start("brief-service");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IDENTITY_PROVIDER.answerWith(200, Map.of("Content-Type", "application/json"),
                new JWKSet(KEY.toPublicJWK()).toString());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> IDENTITY_PROVIDER.uri() + "/.well-known/jwks.json");
        registry.add("storyline.services.story-uri", SERVICES::uri);
        registry.add("storyline.services.brief-uri", SERVICES::uri);
        registry.add("storyline.trust.secret", () -> TestTokens.TRUST_SECRET_BASE64);
    }

    @AfterAll
    static void stop() {
        IDENTITY_PROVIDER.close();
        SERVICES.close();
    }

    @Test
    void aTokenSignedWithThePublishedKeyIsAccepted() {
        read(signed(KEY, "https://idp.example", "storyline-api")).expectStatus().isOk();
        assertThat(IDENTITY_PROVIDER.received()).isNotEmpty()
                .allSatisfy(request -> assertThat(request.path()).isEqualTo("/.well-known/jwks.json"));
    }

    @Test
    void aTokenSignedWithAnotherKeyOfTheSameIdIsRefused() {
        read(signed(OTHER_KEY, "https://idp.example", "storyline-api")).expectStatus().isUnauthorized();
    }

    @Test
    void anotherIssuerOrAudienceIsRefused() {
        read(signed(KEY, "https://other-idp.example", "storyline-api")).expectStatus().isUnauthorized();
        read(signed(KEY, "https://idp.example", "another-api")).expectStatus().isUnauthorized();
    }

    @Test
    void anHs256TokenIsRefusedInRs256Mode() {
        read(TestTokens.token("local-reader", Roles.READER)).expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec read(String token) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/api/briefs").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private static String signed(RSAKey key, String issuer, String audience) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(
                TestTokens.claims("idp-user-7", Instant.now(), Duration.ofMinutes(5), Roles.READER))
                .issuer(issuer).audience(audience).build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
                .build();
        try {
            return TestTokens.sign(new RSASSASigner(key), header, claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
