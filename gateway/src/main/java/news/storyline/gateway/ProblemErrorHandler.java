package news.storyline.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Answers every error the gateway raises itself as RFC 9457 {@code application/problem+json}: a stable
 * {@code type}, a {@code title}, the {@code status}, a {@code detail} that is safe to show (a fixed text per kind,
 * never an exception's message, which may name an upstream host or port) and the request's {@code correlationId}.
 * Ordered before Boot's default handler ({@code -1}). Answers the services give are not errors here: they pass
 * through the route unchanged.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ObjectMapper json;
    private final String unavailableRetryAfter;

    ProblemErrorHandler(ObjectMapper json, ResilienceProperties resilience) {
        this.json = json;
        // A service found down is tried again no sooner than an open circuit lets a call through.
        this.unavailableRetryAfter = String.valueOf(RetryAfter.seconds(resilience.circuitBreaker().waitInOpenState()));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // The upstream's answer has begun to reach the client; nothing can be said now but to cut it off.
            return Mono.error(error);
        }
        String correlationId = Correlation.of(exchange);
        if (correlationId == null) {
            correlationId = Correlation.newCorrelationId();
            exchange.getAttributes().put(Correlation.CORRELATION_ID_ATTRIBUTE, correlationId);
            response.getHeaders().set(Correlation.CORRELATION_ID, correlationId);
        }
        Problem problem = problemFor(error);
        log(exchange.getRequest(), problem, correlationId, error);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.kind().type().toString());
        body.put("title", problem.kind().title());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        body.put("instance", exchange.getRequest().getPath().pathWithinApplication().value());
        body.put("correlationId", correlationId);
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }

        HttpHeaders headers = response.getHeaders();
        // Whatever the route had already taken from an upstream answer describes another body.
        headers.clearContentHeaders();
        if (error instanceof ResponseStatusException statusError) {
            // e.g. Allow on a 405
            statusError.getHeaders().forEach(headers::put);
        }
        if (error instanceof ProblemException refusal) {
            refusal.headers().forEach(headers::put);
        }
        if (problem.kind() == ProblemKind.UNAVAILABLE && !headers.containsKey(HttpHeaders.RETRY_AFTER)) {
            headers.set(HttpHeaders.RETRY_AFTER, unavailableRetryAfter);
        }
        response.setStatusCode(problem.status());
        headers.setContentType(PROBLEM_JSON);
        headers.setContentLength(bytes.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
    }

    private record Problem(ProblemKind kind, HttpStatusCode status, String detail) {

        Problem(ProblemKind kind) {
            this(kind, kind.status(), kind.detail());
        }
    }

    private static Problem problemFor(Throwable error) {
        if (error instanceof ProblemException refusal) {
            return new Problem(refusal.kind(), refusal.kind().status(), refusal.detail());
        }
        if (error instanceof ResponseStatusException statusError) {
            return forStatus(statusError.getStatusCode());
        }
        if (error instanceof ServiceUnavailableException) {
            // A route's circuit is open: the service failed too often just now and is left alone for a while.
            return new Problem(ProblemKind.UNAVAILABLE);
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // Connection refused, a connect timeout (the upstream is down, not slow), or a name that does not resolve.
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof UnresolvedAddressException) {
                return new Problem(ProblemKind.UNAVAILABLE);
            }
            if (cause instanceof TimeoutException) {
                return new Problem(ProblemKind.UPSTREAM_TIMEOUT);
            }
            // The service died or dropped the connection while the request was in flight.
            if (cause instanceof PrematureCloseException || cause instanceof IOException) {
                return new Problem(ProblemKind.UPSTREAM_CONNECTION_LOST);
            }
        }
        return new Problem(ProblemKind.INTERNAL);
    }

    private static Problem forStatus(HttpStatusCode status) {
        ProblemKind kind = ProblemKind.forStatus(status.value());
        return kind == ProblemKind.OTHER ? new Problem(kind, status, kind.detail()) : new Problem(kind);
    }

    private static void log(ServerHttpRequest request, Problem problem, String correlationId, Throwable error) {
        if (problem.kind() == ProblemKind.INTERNAL) {
            log.error("{} {} failed [correlationId={}]", request.getMethod(), request.getPath(), correlationId, error);
        } else if (problem.status().is5xxServerError()) {
            log.warn("{} {} answered {} [correlationId={}]: {}", request.getMethod(), request.getPath(),
                    problem.status().value(), correlationId, error.toString());
        } else {
            log.debug("{} {} answered {} [correlationId={}]: {}", request.getMethod(), request.getPath(),
                    problem.status().value(), correlationId, error.toString());
        }
    }
}
