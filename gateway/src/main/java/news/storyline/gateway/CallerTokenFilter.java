package news.storyline.gateway;

import news.storyline.trust.Caller;
import news.storyline.trust.CallerTokens;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells the service who is calling: every forwarded request carries {@value CallerTokens#HEADER}, a caller token
 * signed with the secret the services share with the gateway, made from the checked bearer token's subject, name
 * and roles. The client's own {@code Authorization} stays here (the services need only the caller, and a token that
 * travels less leaks less), and whatever the client sent in the headers a service would believe is removed, so that
 * nobody can claim to be someone else: a forged caller token, or the editor headers of old.
 */
@Component
class CallerTokenFilter implements GlobalFilter, Ordered {

    /** Headers a service takes the caller from; only the gateway may set them. */
    static final List<String> TRUSTED_HEADERS =
            List.of(CallerTokens.HEADER, "X-Storyline-Editor", "X-Storyline-Editor-Name");

    private final CallerTokens callerTokens;

    CallerTokenFilter(CallerTokens callerTokens) {
        this.callerTokens = callerTokens;
    }

    @Override
    public int getOrder() {
        // Before the routing filters send the request on (they run at the lowest precedence).
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .map(this::callerToken)
                .defaultIfEmpty("")
                .flatMap(token -> chain.filter(exchange.mutate().request(request -> request.headers(headers -> {
                    headers.remove(HttpHeaders.AUTHORIZATION);
                    TRUSTED_HEADERS.forEach(headers::remove);
                    if (!token.isEmpty()) {
                        headers.set(CallerTokens.HEADER, token);
                    }
                })).build()));
    }

    private String callerToken(Principal principal) {
        if (!(principal instanceof JwtAuthenticationToken authentication)) {
            return "";
        }
        Jwt jwt = authentication.getToken();
        // The roles the gateway checked the request against, so that the services trust exactly those.
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                                          .collect(Collectors.toSet());
        return callerTokens.issue(new Caller(jwt.getSubject(), jwt.getClaimAsString("name"), roles));
    }
}
