package news.storyline.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * CORS for the dashboard's origin ({@code storyline.cors.allowed-origin}) and no other, under {@code /api/}.
 *
 * <p>A web filter, not the gateway's {@code globalcors}: that is applied by route matching, and a preflight
 * ({@code OPTIONS}) matches no route here, since the routes select by method. A cross-origin request from any other
 * origin is refused with a {@code 403} problem and carries no CORS headers, so the browser blocks it; requests
 * without an {@code Origin}, or from the gateway's own origin, are not CORS requests and pass untouched.
 */
@Component
class DashboardCorsFilter implements WebFilter, Ordered {

    private final UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    private final CorsProcessor processor = new DefaultCorsProcessor();

    DashboardCorsFilter(@Value("${storyline.cors.allowed-origin:http://127.0.0.1:5173}") String allowedOrigin) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(List.of(allowedOrigin));
        // HEAD with GET: it is GET without the body, and a browser may send it without a preflight.
        config.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(), HttpMethod.POST.name(),
                HttpMethod.PUT.name(), HttpMethod.DELETE.name()));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Idempotency-Key",
                Correlation.CORRELATION_ID));
        config.setExposedHeaders(List.of("ETag", "Location", Correlation.CORRELATION_ID, "Retry-After"));
        // Bearer tokens, not cookies: no credentials mode.
        config.setAllowCredentials(false);
        config.setMaxAge(Duration.ofMinutes(30));
        source.registerCorsConfiguration("/api/**", config);
    }

    @Override
    public int getOrder() {
        return CorrelationFilter.ORDER + 2;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        CorsConfiguration config = source.getCorsConfiguration(exchange);
        if (!processor.process(config, exchange)) {
            return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "CORS request refused"));
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }
}
