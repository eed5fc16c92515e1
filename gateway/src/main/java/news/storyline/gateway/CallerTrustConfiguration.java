package news.storyline.gateway;

import news.storyline.trust.CallerTokens;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/** The {@link CallerTokens} the gateway signs with, from {@code storyline.trust}; without a secret it does not start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrustProperties.class)
class CallerTrustConfiguration {

    @Bean
    CallerTokens callerTokens(TrustProperties properties) {
        boolean file = properties.secretFile() != null;
        boolean inline = StringUtils.hasText(properties.secret());
        if (file == inline) {
            throw new IllegalStateException("Configure exactly one caller secret shared with the services: "
                    + "storyline.trust.secret-file (STORYLINE_TRUST_SECRET_FILE) or storyline.trust.secret (base64); "
                    + (file ? "both are set." : "neither is set."));
        }
        return file ? CallerTokens.fromSecretFile(properties.secretFile())
                : CallerTokens.fromBase64Secret(properties.secret());
    }
}
