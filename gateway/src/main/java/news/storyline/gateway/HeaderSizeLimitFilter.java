package news.storyline.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * Refuses a request whose headers together exceed {@code storyline.requests.max-header-size} with a {@code 431}
 * problem, before its token is checked or anything is forwarded: the services would otherwise receive (and each
 * hop copy) whatever a client piles into headers. Netty's own limit ({@code server.max-http-request-header-size})
 * is set higher, as a backstop that answers without a problem body.
 */
@Component
class HeaderSizeLimitFilter implements WebFilter, Ordered {

    /** ": " between name and value, CRLF after it, as on the wire. */
    private static final int SEPARATORS_PER_LINE = 4;

    private final long maxBytes;

    HeaderSizeLimitFilter(@Value("${storyline.requests.max-header-size}") DataSize maxHeaderSize) {
        this.maxBytes = maxHeaderSize.toBytes();
    }

    @Override
    public int getOrder() {
        return CorrelationFilter.ORDER + 3;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (size(exchange.getRequest().getHeaders()) > maxBytes) {
            return Mono.error(new ProblemException(ProblemKind.HEADERS_TOO_LARGE,
                    "The request headers may have at most " + maxBytes + " bytes together."));
        }
        return chain.filter(exchange);
    }

    private static long size(HttpHeaders headers) {
        long size = 0;
        for (Map.Entry<String, List<String>> header : headers.headerSet()) {
            for (String value : header.getValue()) {
                size += header.getKey().length() + value.length() + SEPARATORS_PER_LINE;
            }
        }
        return size;
    }
}
