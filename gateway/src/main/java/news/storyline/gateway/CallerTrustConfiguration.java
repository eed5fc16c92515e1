package news.storyline.gateway;

import news.storyline.trust.CallerTokens;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.UncheckedIOException;

/** The {@link CallerTokens} the gateway signs with, from {@code storyline.trust}; without a secret it does not start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrustProperties.class)
class CallerTrustConfiguration {

    @Bean
    CallerTokens callerTokens(TrustProperties properties) {
        try {
            return CallerTokens.fromConfiguration(properties.secretFile(), properties.secret());
        } catch (IllegalArgumentException | UncheckedIOException unusable) {
            throw new IllegalStateException(unusable.getMessage(), unusable);
        }
    }
}
