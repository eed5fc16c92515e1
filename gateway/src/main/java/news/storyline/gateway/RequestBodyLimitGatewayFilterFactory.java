package news.storyline.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * {@code RequestBodyLimit=1MB}: refuses a request body over the limit with a {@code 413} problem before the
 * service is called. Unlike Spring Cloud Gateway's {@code RequestSize}, which answers with an empty body and trusts
 * {@code Content-Length}, this fails with a {@link ProblemException} (answered as problem+json by
 * {@link ProblemErrorHandler}) and also limits a chunked body: it is read up to the limit and, if it fits, sent on
 * with its length.
 *
 * <p>It runs before Spring Cloud Gateway's body caching ({@code AdaptCachedBodyGlobalFilter}, which a route with a
 * {@code Retry} filter uses to send a body again): that reads a whole body into memory, however large, so the limit
 * must be applied first.
 */
@Component
class RequestBodyLimitGatewayFilterFactory
        extends AbstractGatewayFilterFactory<RequestBodyLimitGatewayFilterFactory.Config> {

    /** Just before {@code AdaptCachedBodyGlobalFilter} ({@code HIGHEST_PRECEDENCE + 1000}). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 999;

    RequestBodyLimitGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("maxSize");
    }

    @Override
    public GatewayFilter apply(Config config) {
        long maxBytes = config.getMaxSize().toBytes();
        if (maxBytes < 0 || maxBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("A body limit must lie between 0 and 2 GiB, not " + maxBytes);
        }
        return new OrderedGatewayFilter((exchange, chain) -> {
            ServerHttpRequest request = exchange.getRequest();
            long declared = request.getHeaders().getContentLength();
            if (declared > maxBytes) {
                return Mono.error(tooLarge(maxBytes));
            }
            if (declared >= 0) {
                return chain.filter(exchange);
            }
            return DataBufferUtils.join(request.getBody(), (int) maxBytes)
                    .onErrorMap(DataBufferLimitException.class, e -> tooLarge(maxBytes))
                    .map(RequestBodyLimitGatewayFilterFactory::copyAndRelease)
                    .defaultIfEmpty(new byte[0])
                    .flatMap(body -> chain.filter(exchange.mutate().request(withBody(request, body)).build()));
        }, ORDER);
    }

    private static byte[] copyAndRelease(DataBuffer joined) {
        try {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(joined);
        }
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(request.getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        if (body.length > 0) {
            headers.setContentLength(body.length);
        }
        return new ServerHttpRequestDecorator(request) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return body.length == 0 ? Flux.empty()
                        : Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body));
            }
        };
    }

    public static class Config {

        private DataSize maxSize = DataSize.ofMegabytes(1);

        public DataSize getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(DataSize maxSize) {
            this.maxSize = maxSize;
        }
    }

    private static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE,
                                    "A request body may have at most " + maxBytes + " bytes.");
    }
}
