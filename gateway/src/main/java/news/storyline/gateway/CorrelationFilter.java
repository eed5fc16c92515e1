package news.storyline.gateway;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Gives every request an {@code X-Correlation-Id} (the client's own when well-formed, else a fresh one), passes it
 * to the service behind the route and returns it; and returns the W3C {@code traceparent} of the request's trace.
 *
 * <p>The trace itself is Micrometer Tracing's: the server observation, started before any filter, continues the
 * client's trace when its {@code traceparent} is valid and starts a new one otherwise, and the gateway's client
 * observation sends the upstream a {@code traceparent} of the same trace. This filter only tells the client which
 * trace and span its request was, and drops a {@code tracestate} that came with a trace not continued (Trace
 * Context, 3.3).
 *
 * <p>A {@link WebFilter} rather than a gateway {@code GlobalFilter}: global filters run only once a route has
 * matched, and the ids must also be on the gateway's own answers (a 404 for an unknown route, a refused CORS
 * request, a 401) and on the actuator. It runs first, so every error handler finds the id.
 */
@Component
class CorrelationFilter implements WebFilter, Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private final Propagator propagator;

    CorrelationFilter(Propagator propagator) {
        this.propagator = propagator;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders received = exchange.getRequest().getHeaders();
        String sentId = received.getFirst(Correlation.CORRELATION_ID);
        String correlationId = Correlation.isWellFormedCorrelationId(sentId) ? sentId : Correlation.newCorrelationId();
        boolean traceContinued = received.getValuesAsList(Correlation.TRACEPARENT).size() == 1
                && Correlation.isValidTraceparent(received.getFirst(Correlation.TRACEPARENT));

        exchange.getAttributes().put(Correlation.CORRELATION_ID_ATTRIBUTE, correlationId);
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            headers.set(Correlation.CORRELATION_ID, correlationId);
            if (!traceContinued) {
                headers.remove(Correlation.TRACEPARENT);
                headers.remove(Correlation.TRACESTATE);
            }
        }).build();
        exchange.getResponse().beforeCommit(() -> {
            // Set last, so an upstream's own values cannot differ from what the client is told.
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set(Correlation.CORRELATION_ID, correlationId);
            headers.remove(Correlation.TRACEPARENT);
            headers.remove(Correlation.TRACESTATE);
            serverSpan(exchange).ifPresent(span ->
                    propagator.inject(span.context(), headers, (carrier, key, value) -> {
                        if (Correlation.TRACEPARENT.equals(key)) {
                            carrier.set(key, value);
                        }
                    }));
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request).build());
    }

    private static Optional<Span> serverSpan(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan);
    }
}
