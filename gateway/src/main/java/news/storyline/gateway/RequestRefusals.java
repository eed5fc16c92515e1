package news.storyline.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelPipeline;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import reactor.netty.NettyPipeline;

import java.util.Set;

/**
 * The requests refused before the gateway routes them, answered as problems like every other refusal: what the
 * HTTP server itself cannot take ({@link RequestLineGuard}), and what Spring Security's firewall refuses (a path with
 * {@code ..}, {@code //}, {@code ;}, an encoded {@code /}, {@code \} or {@code %}, {@code %00}; a header with control
 * characters; a method other than the usual ones), which would otherwise be an empty {@code 400}.
 */
@Configuration(proxyBeanMethods = false)
class RequestRefusals {

    /** The methods the firewall lets through; any other, TRACE among them, is a 405. */
    static final Set<HttpMethod> ALLOWED_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    @Bean
    NettyServerCustomizer requestLineGuard(ObjectMapper json) {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(RequestLineGuard.NAME) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, RequestLineGuard.NAME, new RequestLineGuard(json));
            }
        });
    }

    @Bean
    ServerExchangeRejectedHandler firewallRefusals(ProblemErrorHandler problems) {
        return (exchange, rejected) -> {
            if (!ALLOWED_METHODS.contains(exchange.getRequest().getMethod())) {
                HttpHeaders allow = new HttpHeaders();
                allow.setAllow(ALLOWED_METHODS);
                return problems.handle(exchange, new ProblemException(ProblemKind.METHOD_NOT_ALLOWED,
                        "The gateway answers GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS only.", allow));
            }
            return problems.handle(exchange, new ProblemException(ProblemKind.INVALID_REQUEST,
                    "The request's path or headers are not acceptable: the path must be normalized (no '.' or '..' "
                            + "segments, no '//', no ';', no encoded '/', '\\\\', '%' or NUL), and header values "
                            + "must hold no control characters."));
        };
    }
}
