package news.storyline.gateway;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Rate limits per token subject on {@code /api/}: reads (GET, HEAD) and writes (everything else) from separate
 * buckets. Over the limit, a {@code 429} problem with {@code Retry-After} in seconds.
 *
 * <p>It runs after Spring Security, so that only a checked subject is counted (an unauthenticated request is
 * already refused there). Each request takes one token when it arrives, so a live stream (SSE) costs one read
 * however long it stays open.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitFilter implements WebFilter, Ordered {

    private final RateLimits reads;
    private final RateLimits writes;

    RateLimitFilter(RateLimitProperties properties) {
        this.reads = new RateLimits(properties.reads(), properties.maxSubjects(), System::nanoTime);
        this.writes = new RateLimits(properties.writes(), properties.maxSubjects(), System::nanoTime);
    }

    @Override
    public int getOrder() {
        // After Spring Security's filter chain, which runs at -100 (WebFluxSecurityConfiguration).
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        HttpMethod method = exchange.getRequest().getMethod();
        boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        return exchange.getPrincipal()
                .map(principal -> (read ? reads : writes).tryTake(principal.getName()))
                .defaultIfEmpty(0L)
                .flatMap(waitNanos -> waitNanos == 0 ? chain.filter(exchange) : Mono.error(tooMany(read, waitNanos)));
    }

    private static ProblemException tooMany(boolean read, long waitNanos) {
        long seconds = RetryAfter.seconds(Duration.ofNanos(waitNanos));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return new ProblemException(ProblemKind.RATE_LIMITED, "Too many " + (read ? "reads" : "writes")
                + " with this token. Try again in " + seconds + (seconds == 1 ? " second." : " seconds."), headers);
    }
}
