package news.storyline.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * {@code RequestBodyLimit=1MB}: refuses a request body over the limit with a {@code 413} problem before the
 * service is called. Unlike Spring Cloud Gateway's {@code RequestSize}, which answers with an empty body and trusts
 * {@code Content-Length}, this fails with a {@link ProblemException} (answered as problem+json by
 * {@link ProblemErrorHandler}) and also limits a chunked body: it is read up to the limit and, if it fits, sent on
 * with its length.
 *
 * <p>Every body is read here, whole, within {@code storyline.requests.body-timeout} (a client that declares more than
 * it sends, or sends slowly, gets a {@code 408} problem instead of holding the request open past every time limit,
 * which start only once the service is called), and a JSON body must be UTF-8 (RFC 8259): overlong forms, encoded
 * surrogates and stray bytes are a {@code 400} problem here, where a lenient parser would take them as other
 * characters.
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

    private final Duration bodyTimeout;

    RequestBodyLimitGatewayFilterFactory(@Value("${storyline.requests.body-timeout}") Duration bodyTimeout) {
        super(Config.class);
        this.bodyTimeout = bodyTimeout;
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
            return DataBufferUtils.join(request.getBody(), (int) maxBytes)
                    .timeout(bodyTimeout, Mono.error(() -> new ProblemException(ProblemKind.REQUEST_TIMEOUT,
                            "The request body did not arrive within " + bodyTimeout.toSeconds() + " seconds.")))
                    .onErrorMap(DataBufferLimitException.class, e -> tooLarge(maxBytes))
                    // The client closed the connection or broke the body's framing while sending it: its fault, and
                    // most likely nobody is left to read the answer.
                    .onErrorMap(e -> !(e instanceof ProblemException), e -> new ProblemException(
                            ProblemKind.MALFORMED_BODY, "The request body could not be read whole."))
                    .map(RequestBodyLimitGatewayFilterFactory::copyAndRelease)
                    .defaultIfEmpty(new byte[0])
                    .flatMap(body -> {
                        if (isJson(request.getHeaders().getContentType()) && !isUtf8(body)) {
                            return Mono.error(new ProblemException(ProblemKind.MALFORMED_BODY,
                                    "A JSON body must be UTF-8; this one holds bytes that are not."));
                        }
                        return chain.filter(exchange.mutate().request(withBody(request, body)).build());
                    });
        }, ORDER);
    }

    private static boolean isJson(MediaType type) {
        return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || (type.getSubtypeSuffix() != null && type.getSubtypeSuffix().equalsIgnoreCase("json")));
    }

    /** Strict: Java's decoder refuses overlong forms and encoded surrogates, which Jackson's would decode. */
    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
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
