package news.storyline.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * {@code storyline.resilience}: how long each route's call may take in all ({@code timeouts}, by circuit breaker
 * name: {@code reads}, {@code writes}, {@code admin}) and when a route's circuit opens and closes again.
 */
@ConfigurationProperties("storyline.resilience")
record ResilienceProperties(Map<String, Duration> timeouts, CircuitBreaker circuitBreaker) {

    ResilienceProperties {
        timeouts = Map.copyOf(timeouts);
    }

    /**
     * @param failureRateThreshold      percentage of failed calls in the window that opens the circuit
     * @param slidingWindowSize         how many recent calls the rate is taken over
     * @param minimumNumberOfCalls      calls needed before the rate counts at all
     * @param waitInOpenState           how long an open circuit refuses calls before it tries again
     * @param permittedCallsInHalfOpenState trial calls that decide whether the circuit closes again
     */
    record CircuitBreaker(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
                          Duration waitInOpenState, int permittedCallsInHalfOpenState) {
    }
}
