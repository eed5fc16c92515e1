package news.storyline.web.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import news.storyline.trust.CallerTokens;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/** Makes every Storyline service answer only the gateway ({@link CallerTrustFilter}). */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(TrustProperties.class)
public class CallerTrustAutoConfiguration {

    @Bean
    CallerTokens callerTokens(TrustProperties properties) {
        return properties.callerTokens();
    }

    @Bean
    FilterRegistrationBean<CallerTrustFilter> callerTrustFilter(CallerTokens callerTokens, ObjectMapper json) {
        FilterRegistrationBean<CallerTrustFilter> registration =
                new FilterRegistrationBean<>(new CallerTrustFilter(callerTokens, json));
        registration.setOrder(CallerTrustFilter.ORDER);
        return registration;
    }
}
