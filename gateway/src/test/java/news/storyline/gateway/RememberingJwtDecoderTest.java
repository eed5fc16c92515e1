package news.storyline.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RememberingJwtDecoderTest {

    private final AtomicInteger decodings = new AtomicInteger();

    @Test
    void decodesATokenOnceAndAnswersItsLaterUsesFromMemory() {
        ReactiveJwtDecoder decoder = remembering(JwtValidators.createDefault());
        String token = TestTokens.token("editor-7", "editor");

        Jwt first = decoder.decode(token).block();
        Jwt second = decoder.decode(token).block();

        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("editor-7");
        assertThat(decodings).hasValue(1);
    }

    @Test
    void aRememberedTokenThatHasSinceExpiredIsRefusedAsBefore() {
        String token = TestTokens.token("editor-7", "editor");
        AtomicReference<OAuth2TokenValidator<Jwt>> timestamps = new AtomicReference<>(timestampsAt(Instant.now()));
        ReactiveJwtDecoder decoder = remembering(jwt -> timestamps.get().validate(jwt));
        Jwt decoded = decoder.decode(token).block();

        timestamps.set(timestampsAt(decoded.getExpiresAt().plus(Duration.ofMinutes(5))));

        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class);
        assertThat(decodings).as("decoded afresh, and refused").hasValue(2);
    }

    private ReactiveJwtDecoder remembering(OAuth2TokenValidator<Jwt> validator) {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder
                .withSecretKey(new SecretKeySpec(TestTokens.JWT_SECRET, "HmacSHA256")).macAlgorithm(MacAlgorithm.HS256)
                .build();
        nimbus.setJwtValidator(validator);
        ReactiveJwtDecoder counting = token -> Mono.defer(() -> {
            decodings.incrementAndGet();
            return nimbus.decode(token);
        });
        return new RememberingJwtDecoder(counting, validator);
    }

    private static OAuth2TokenValidator<Jwt> timestampsAt(Instant now) {
        JwtTimestampValidator validator = new JwtTimestampValidator();
        validator.setClock(Clock.fixed(now, ZoneOffset.UTC));
        return validator;
    }
}
