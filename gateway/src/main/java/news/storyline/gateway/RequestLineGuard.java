package news.storyline.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses, with a problem+json answer, the requests that Reactor Netty and Spring would otherwise refuse before any
 * of the gateway's handlers runs, with an empty body: a request line or headers over Netty's limits ({@code 414},
 * {@code 431}), a request Netty cannot parse, a request target that {@link RequestTargets} does not accept, an
 * HTTP/1.1 request without {@code Host}, and a {@code Transfer-Encoding} other than {@code chunked} (whose body
 * cannot be framed, so the connection cannot be kept either).
 *
 * <p>Sits in each connection's pipeline right after the HTTP codec. A refused request is answered here and the
 * connection closed; whatever else the client sends on it is dropped.
 */
final class RequestLineGuard extends ChannelDuplexHandler {

    static final String NAME = "storyline.requestLineGuard";

    private static final Logger log = LoggerFactory.getLogger(RequestLineGuard.class);

    private final ObjectMapper json;
    private boolean refused;

    RequestLineGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            Optional<Refusal> refusal = refusal(request);
            if (refusal.isPresent()) {
                refused = true;
                ReferenceCountUtil.release(msg);
                refuse(ctx, request, refusal.get());
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private record Refusal(ProblemKind kind, String detail) {
    }

    private static Optional<Refusal> refusal(HttpRequest request) {
        DecoderResult decoded = request.decoderResult();
        if (decoded.isFailure()) {
            Throwable cause = decoded.cause();
            if (cause instanceof TooLongHttpLineException) {
                return Optional.of(new Refusal(ProblemKind.URI_TOO_LONG, ProblemKind.URI_TOO_LONG.detail()));
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return Optional.of(new Refusal(ProblemKind.HEADERS_TOO_LARGE, ProblemKind.HEADERS_TOO_LARGE.detail()));
            }
            if (cause instanceof TooLongFrameException) {
                return Optional.of(new Refusal(ProblemKind.INVALID_REQUEST, "A part of the request is too long."));
            }
            return Optional.of(new Refusal(ProblemKind.INVALID_REQUEST, "The request is not well-formed HTTP."));
        }
        Optional<String> target = RequestTargets.problem(request.uri());
        if (target.isPresent()) {
            return Optional.of(new Refusal(ProblemKind.INVALID_REQUEST, target.get()));
        }
        HttpHeaders headers = request.headers();
        if (request.protocolVersion().equals(HttpVersion.HTTP_1_1) && headers.getAll(HttpHeaderNames.HOST).size() != 1) {
            return Optional.of(new Refusal(ProblemKind.INVALID_REQUEST, "An HTTP/1.1 request needs one Host header."));
        }
        List<String> codings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (!codings.isEmpty() && !(codings.size() == 1
                && HttpHeaderValues.CHUNKED.contentEqualsIgnoreCase(codings.get(0).trim()))) {
            return Optional.of(new Refusal(ProblemKind.INVALID_REQUEST,
                    "Transfer-Encoding may only be chunked; compress nothing in transit."));
        }
        return Optional.empty();
    }

    private void refuse(ChannelHandlerContext ctx, HttpRequest request, Refusal refusal) {
        String sentId = request.decoderResult().isSuccess()
                ? request.headers().get(Correlation.CORRELATION_ID) : null;
        String correlationId = Correlation.isWellFormedCorrelationId(sentId) ? sentId : Correlation.newCorrelationId();
        log.debug("Refused a request before routing, {} [correlationId={}]: {}", refusal.kind().status().value(),
                correlationId, refusal.detail());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", refusal.kind().type().toString());
        body.put("title", refusal.kind().title());
        body.put("status", refusal.kind().status().value());
        body.put("detail", refusal.detail());
        body.put("correlationId", correlationId);
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(refusal.kind().status().value()), Unpooled.wrappedBuffer(bytes));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, ProblemErrorHandler.PROBLEM_JSON.toString())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(Correlation.CORRELATION_ID, correlationId)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        SecurityHeadersFilter.HEADERS.forEach(response.headers()::set);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
