package news.storyline.story.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import news.storyline.story.web.RequestBodyLimitFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import java.util.Objects;

/** The most a client may send in one request. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimitsConfiguration.RequestLimits.class)
public class RequestLimitsConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(RequestLimits limits, ObjectMapper json) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits.maxBodySize().toBytes(), json));
        registration.setOrder(FilterOrder.REQUEST_BODY_LIMIT);
        return registration;
    }

    /** {@code storyline.requests.max-body-size}: the largest request body, in bytes as sent. */
    @ConfigurationProperties("storyline.requests")
    record RequestLimits(DataSize maxBodySize) {

        RequestLimits {
            Objects.requireNonNull(maxBodySize, "storyline.requests.max-body-size");
        }
    }
}
