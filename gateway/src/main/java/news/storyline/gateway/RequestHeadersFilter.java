package news.storyline.gateway;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Request headers the services would misread, refused before anything is forwarded:
 * <ul>
 *   <li>a {@code Content-Type} that is not a media type ({@code 415});</li>
 *   <li>{@code Content-Encoding} other than {@code identity}: no service decodes a compressed body, so it would be
 *       taken as the JSON it is not ({@code 415});</li>
 *   <li>an {@code Idempotency-Key} that is empty, sent twice, or holds anything but printable ASCII (a control
 *       character, or bytes that are not ASCII and so no text the client and the service agree on) ({@code 400}).</li>
 * </ul>
 */
@Component
class RequestHeadersFilter implements WebFilter, Ordered {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Override
    public int getOrder() {
        return CorrelationFilter.ORDER + 4;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (headers.containsKey(HttpHeaders.CONTENT_TYPE)) {
            try {
                headers.getContentType();
            } catch (InvalidMediaTypeException notAMediaType) {
                return Mono.error(new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                        "Content-Type is not a media type such as application/json."));
            }
        }
        List<String> encodings = headers.getOrEmpty(HttpHeaders.CONTENT_ENCODING);
        if (!encodings.stream().allMatch(encoding -> encoding.trim().equalsIgnoreCase("identity"))) {
            return Mono.error(new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "Request bodies are taken uncompressed only: send no Content-Encoding."));
        }
        List<String> keys = headers.getOrEmpty(IDEMPOTENCY_KEY);
        if (!keys.isEmpty() && (keys.size() > 1 || !printableAscii(keys.get(0)))) {
            return Mono.error(new ProblemException(ProblemKind.INVALID_REQUEST,
                    "Idempotency-Key must be sent once, and hold printable ASCII characters only."));
        }
        return chain.filter(exchange);
    }

    private static boolean printableAscii(String value) {
        if (value.isBlank()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
