package news.storyline.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per kind of route ({@code reads}, {@code writes}, {@code admin}, named by the routes'
 * {@code CircuitBreaker} filters), each with its own time limit from {@code storyline.resilience.timeouts}.
 *
 * <p>An open circuit answers {@code 503} at once instead of letting every client wait for a service that is down;
 * after {@code wait-in-open-state} it lets a few calls through on its own (no client has to trigger it), and closes
 * again when they succeed, so reads recover by themselves when the service returns. Only failures to get an answer
 * (refused connections, time-outs) count: a service's own {@code 4xx}/{@code 5xx} answer is an answer.
 *
 * <p>The time limit bounds the whole exchange, body included, which is why the live (SSE) routes have no
 * circuit breaker. A route naming a circuit breaker that has no entry under {@code timeouts} would get
 * Resilience4j's defaults (a 1 s limit): give every new name its timeout.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceProperties.class)
class ResilienceConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakers(ResilienceProperties properties) {
        CircuitBreakerConfig circuitBreaker = circuitBreakerConfig(properties.circuitBreaker());
        return factory -> properties.timeouts().forEach((name, timeout) -> factory.configure(builder -> builder
                .circuitBreakerConfig(circuitBreaker)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(timeout).build()), name));
    }

    private static CircuitBreakerConfig circuitBreakerConfig(ResilienceProperties.CircuitBreaker properties) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                .waitDurationInOpenState(properties.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(properties.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
    }
}
