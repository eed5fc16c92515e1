package news.storyline.gateway;

import news.storyline.trust.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who may do what. Every API request needs a bearer token; its {@code roles} claim decides which routes it may use:
 *
 * <table>
 *   <tr><th>request</th><th>roles</th></tr>
 *   <tr><td>{@code /api/admin/**}, {@code /actuator/prometheus}</td><td>admin</td></tr>
 *   <tr><td>GET/HEAD {@code /api/events}, {@code /api/events/**}</td><td>subscriber, admin</td></tr>
 *   <tr><td>POST/PUT/PATCH/DELETE {@code /api/stories/**}, {@code /api/threads/**}</td><td>editor</td></tr>
 *   <tr><td>every other GET/HEAD {@code /api/**}, live timelines included</td><td>reader, editor, admin</td></tr>
 *   <tr><td>anything else under {@code /api/}</td><td>any valid token</td></tr>
 * </table>
 *
 * <p>Public: the Swagger UI and its documents, health and info. No sessions, no cookies, no CSRF (a bearer token is
 * not sent by a browser on its own), no login form or basic auth: a request without a valid token is a {@code 401}
 * problem, a token without the role a {@code 403} problem, both answered by {@link ProblemErrorHandler}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

    /** Where the roles are in a token ({@code bin/stack token} and the identity provider put them there). */
    static final String ROLES_CLAIM = "roles";

    private static final String[] STORY_AND_THREAD_PATHS =
            {"/api/stories", "/api/stories/**", "/api/threads", "/api/threads/**"};
    private static final String[] EVENT_FEED_PATHS = {"/api/events", "/api/events/**"};

    @Bean
    SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                // Every request carries its token; nothing is remembered between requests.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // SecurityHeadersFilter sets the gateway's headers; Spring's would add and differ (e.g. Cache-Control on
                // the services' own cacheable answers).
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/docs", "/docs/**", "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**",
                                "/webjars/**", "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .pathMatchers("/actuator/prometheus").hasAuthority(Roles.ADMIN)
                        .pathMatchers("/api/admin", "/api/admin/**").hasAuthority(Roles.ADMIN)
                        .pathMatchers(HttpMethod.GET, EVENT_FEED_PATHS).hasAnyAuthority(Roles.SUBSCRIBER, Roles.ADMIN)
                        .pathMatchers(HttpMethod.HEAD, EVENT_FEED_PATHS).hasAnyAuthority(Roles.SUBSCRIBER, Roles.ADMIN)
                        .pathMatchers(HttpMethod.POST, STORY_AND_THREAD_PATHS).hasAuthority(Roles.EDITOR)
                        .pathMatchers(HttpMethod.PUT, STORY_AND_THREAD_PATHS).hasAuthority(Roles.EDITOR)
                        .pathMatchers(HttpMethod.PATCH, STORY_AND_THREAD_PATHS).hasAuthority(Roles.EDITOR)
                        .pathMatchers(HttpMethod.DELETE, STORY_AND_THREAD_PATHS).hasAuthority(Roles.EDITOR)
                        .pathMatchers(HttpMethod.GET, "/api/**").hasAnyAuthority(Roles.READER, Roles.EDITOR, Roles.ADMIN)
                        .pathMatchers(HttpMethod.HEAD, "/api/**").hasAnyAuthority(Roles.READER, Roles.EDITOR, Roles.ADMIN)
                        .pathMatchers("/api", "/api/**").authenticated()
                        // Nothing else is served but the gateway's 404 (the actuator exposes only what is above).
                        .anyExchange().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesAsAuthorities()))
                        .authenticationEntryPoint(unauthenticated())
                        .accessDeniedHandler(forbidden()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated())
                        .accessDeniedHandler(forbidden()))
                .build();
    }

    private static ReactiveJwtAuthenticationConverterAdapter rolesAsAuthorities() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(ROLES_CLAIM);
        // The role names themselves ("editor"), as Roles spells them; no "SCOPE_" or "ROLE_" prefix.
        roles.setAuthorityPrefix("");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /**
     * A {@code 401} with {@code WWW-Authenticate} (RFC 6750): {@code invalid_token} when a token was sent but is not
     * valid, bare when none was. The reason (expired, bad signature) is not told: it helps only an attacker.
     */
    private static ServerAuthenticationEntryPoint unauthenticated() {
        return (ServerWebExchange exchange, AuthenticationException failure) -> {
            boolean tokenSent = exchange.getRequest().getHeaders().containsKey(HttpHeaders.AUTHORIZATION);
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.WWW_AUTHENTICATE, tokenSent
                    ? "Bearer realm=\"storyline\", error=\"invalid_token\"" : "Bearer realm=\"storyline\"");
            return Mono.error(new ProblemException(ProblemKind.UNAUTHENTICATED, headers));
        };
    }

    private static ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"storyline\", error=\"insufficient_scope\"");
            return Mono.error(new ProblemException(ProblemKind.FORBIDDEN,
                    "Your token does not grant a role this request needs.", headers));
        };
    }
}
