package news.storyline.story.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import news.storyline.story.web.idempotency.IdempotencyFilter;
import news.storyline.story.web.idempotency.IdempotencyProperties;
import news.storyline.story.web.idempotency.IdempotencyStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Retries of the write API with {@code Idempotency-Key}: their answers are kept in the service's database. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyConfiguration {

    @Bean
    IdempotencyStore idempotencyStore(MongoDatabase storylineDatabase, IdempotencyProperties properties) {
        return new IdempotencyStore(storylineDatabase, properties.retention(), properties.claimTimeout(),
                                    Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store,
                                                                IdempotencyProperties properties,
                                                                ObjectMapper json) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, properties, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(FilterOrder.IDEMPOTENCY);
        return registration;
    }
}
