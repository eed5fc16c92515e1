package news.storyline.gateway;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Correlation-Id} and a W3C {@code traceparent}: the client's own when well-formed,
 * else fresh ones. Both go to the service behind the route as request headers and come back on the response.
 *
 * <p>A {@link WebFilter} rather than a gateway {@code GlobalFilter}: global filters run only once a route has
 * matched, and the ids must also be on the gateway's own answers (a 404 for an unknown route, a refused CORS
 * request) and on the actuator. It runs first, so every error handler finds the id.
 */
@Component
class CorrelationFilter implements WebFilter, Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders received = exchange.getRequest().getHeaders();
        String sentId = received.getFirst(Correlation.CORRELATION_ID);
        String correlationId = Correlation.isWellFormedCorrelationId(sentId) ? sentId : Correlation.newCorrelationId();
        String sentTraceparent = received.getFirst(Correlation.TRACEPARENT);
        boolean keepTrace = received.getValuesAsList(Correlation.TRACEPARENT).size() == 1
                && Correlation.isValidTraceparent(sentTraceparent);
        String traceparent = keepTrace ? sentTraceparent : Correlation.newTraceparent();

        exchange.getAttributes().put(Correlation.CORRELATION_ID_ATTRIBUTE, correlationId);
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            headers.set(Correlation.CORRELATION_ID, correlationId);
            headers.set(Correlation.TRACEPARENT, traceparent);
            if (!keepTrace) {
                // A tracestate belongs to the trace it came with; a new trace starts without one (Trace Context, 3.3).
                headers.remove(Correlation.TRACESTATE);
            }
        }).build();
        exchange.getResponse().beforeCommit(() -> {
            // Set last, so an upstream's own value cannot differ from what the client is told.
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set(Correlation.CORRELATION_ID, correlationId);
            headers.set(Correlation.TRACEPARENT, traceparent);
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request).build());
    }
}
