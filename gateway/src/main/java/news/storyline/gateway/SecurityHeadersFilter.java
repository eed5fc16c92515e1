package news.storyline.gateway;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Security headers on every response, the gateway's own errors included: the API answers JSON only, so nothing it
 * sends may be sniffed into HTML, framed, or leak the URL it was called with; and answers under {@code /api/} are
 * not stored by caches unless the service said otherwise (an {@code ETag}-carrying read may set its own).
 *
 * <p>No {@code Strict-Transport-Security}: the local stack is plain HTTP on 127.0.0.1, where browsers ignore the
 * header; and sent for a host that later serves plain HTTP, it would lock browsers out. It belongs to whatever
 * terminates TLS in a real deployment.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    /** On every answer, also those given before a request reaches a filter ({@link RequestLineGuard}). */
    static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    @Override
    public int getOrder() {
        return CorrelationFilter.ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean api = exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/");
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            HEADERS.forEach(headers::set);
            if (api && !headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
                headers.setCacheControl("no-store");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
