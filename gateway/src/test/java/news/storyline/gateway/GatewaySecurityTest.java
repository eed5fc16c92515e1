package news.storyline.gateway;

import news.storyline.trust.Caller;
import news.storyline.trust.CallerTokens;
import news.storyline.trust.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Set;

import static news.storyline.gateway.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what: bearer tokens, roles per route, and the caller token the services get instead. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "storyline.cors.allowed-origin=https://dashboard.example"})
class GatewaySecurityTest extends GatewayTest {

    @Test
    void aRequestWithoutATokenIsAnUnauthenticatedProblemAndNeverReachesAService() {
        WebTestClient.ResponseSpec response = anonymous.get().uri("/api/briefs").exchange();
        assertProblem(response, 401, "unauthenticated");
        response.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"storyline\"");

        assertProblem(anonymous.post().uri("/api/stories").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange(), 401, "unauthenticated");
        assertThat(STORY.received()).isEmpty();
        assertThat(BRIEF.received()).isEmpty();
    }

    @Test
    void anExpiredForgedOrMalformedTokenIsAnUnauthenticatedProblem() {
        for (String token : List.of(TestTokens.expired(Roles.READER), TestTokens.signedWithAnotherSecret(Roles.READER),
                "not.a.jwt", TestTokens.unsigned(Roles.READER))) {
            WebTestClient.ResponseSpec response = clientWithToken("Bearer " + token).get().uri("/api/briefs").exchange();
            assertProblem(response, 401, "unauthenticated");
            response.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                    value -> assertThat(value).startsWith("Bearer ").contains("error=\"invalid_token\""));
        }
        assertThat(BRIEF.received()).isEmpty();
    }

    @Test
    void aTokenWithoutASubjectIsRefused() {
        assertProblem(clientWithToken("Bearer " + TestTokens.withoutSubject(Roles.READER)).get().uri("/api/briefs").exchange(), 401,
                "unauthenticated");
    }

    /** Every row of the role table: who may, and who gets a 403. */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/stories/x                 | reader editor admin           | subscriber
            HEAD   | /api/briefs                    | reader editor admin           | subscriber
            GET    | /api/threads/t/timeline        | reader editor admin           | subscriber
            GET    | /api/search?q=a                | reader editor admin           | subscriber
            GET    | /api/sources/afp/stories       | reader editor admin           | subscriber
            GET    | /api/stories/x/history         | reader editor admin           | subscriber
            GET    | /api/events                    | subscriber admin              | reader editor
            GET    | /api/events/after/3            | subscriber admin              | reader editor
            POST   | /api/stories                   | editor                        | reader subscriber admin
            PUT    | /api/stories/x                 | editor                        | reader subscriber admin
            PATCH  | /api/threads/t                 | editor                        | reader subscriber admin
            DELETE | /api/stories/x/links/t         | editor                        | reader subscriber admin
            POST   | /api/threads                   | editor                        | reader subscriber admin
            POST   | /api/admin/rebuilds            | admin                         | reader editor subscriber
            GET    | /api/admin/rebuilds/r1         | admin                         | reader editor subscriber
            POST   | /api/admin/webhooks/feed       | admin                         | reader editor subscriber
            """)
    void eachRouteLetsInItsRolesOnly(String method, String path, String allowed, String refused) {
        for (String role : allowed.split(" ")) {
            STORY.reset();
            BRIEF.reset();
            request(role, method, path).expectStatus().isOk();
            assertThat(STORY.received().size() + BRIEF.received().size()).as("%s forwarded", role).isEqualTo(1);
        }
        for (String role : refused.split(" ")) {
            STORY.reset();
            BRIEF.reset();
            WebTestClient.ResponseSpec response = request(role, method, path);
            if (HttpMethod.HEAD.name().equals(method)) {
                response.expectStatus().isForbidden();
            } else {
                assertProblem(response, 403, "forbidden");
            }
            assertThat(STORY.received()).isEmpty();
            assertThat(BRIEF.received()).isEmpty();
        }
    }

    @Test
    void aTokenWithNoRoleMayReachNoRouteButIsKnown() {
        WebTestClient noRoles = clientWithToken(TestTokens.bearer());
        assertProblem(noRoles.get().uri("/api/briefs").exchange(), 403, "forbidden");
        // Not in the table, but under /api: any valid token gets as far as the gateway's 404.
        assertProblem(noRoles.post().uri("/api/sources").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange(), 404, "not-found");
        assertProblem(anonymous.post().uri("/api/sources").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange(), 401, "unauthenticated");
    }

    @Test
    void docsHealthAndInfoArePublicAndPrometheusIsForAdmins() {
        anonymous.get().uri("/docs").exchange().expectStatus().is3xxRedirection();
        anonymous.get().uri("/docs/story-service/v3/api-docs").exchange().expectStatus().isOk();
        anonymous.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk();
        anonymous.get().uri("/actuator/health").exchange().expectStatus().isOk();
        anonymous.get().uri("/actuator/health/liveness").exchange().expectStatus().value(status ->
                assertThat(status).isNotIn(401, 403));
        anonymous.get().uri("/actuator/info").exchange().expectStatus().isOk();

        assertProblem(anonymous.get().uri("/actuator/prometheus").exchange(), 401, "unauthenticated");
        assertProblem(clientWithToken(TestTokens.bearer(Roles.EDITOR, Roles.READER)).get().uri("/actuator/prometheus")
                .exchange(), 403, "forbidden");
        clientWithToken(TestTokens.bearer(Roles.ADMIN)).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk();
    }

    @Test
    void refusalsCarryTheSecurityAndCorsHeaders() {
        for (WebTestClient.ResponseSpec refused : List.of(
                anonymous.get().uri("/api/briefs").header(HttpHeaders.ORIGIN, "https://dashboard.example").exchange(),
                clientWithToken(TestTokens.bearer(Roles.READER)).post().uri("/api/stories")
                        .header(HttpHeaders.ORIGIN, "https://dashboard.example")
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange())) {
            refused.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                    .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://dashboard.example")
                    .expectHeader().exists("traceparent");
        }
    }

    @Test
    void theServiceGetsACallerTokenForTheTokensSubjectAndNotTheBearerToken() {
        clientWithToken("Bearer " + TestTokens.token("local-editor", Roles.EDITOR)).post().uri("/api/stories")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();

        assertThat(STORY.received()).singleElement().satisfies(request -> {
            assertThat(request.headers().containsKey(HttpHeaders.AUTHORIZATION)).isFalse();
            assertThat(request.headers().get(CallerTokens.HEADER)).hasSize(1);
            Caller caller = new CallerTokens(TestTokens.TRUST_SECRET).verify(request.headers().getFirst(CallerTokens.HEADER));
            assertThat(caller).isEqualTo(new Caller("local-editor", "Local local-editor", Set.of(Roles.EDITOR)));
        });
    }

    @Test
    void headersClaimingAnotherCallerNeverReachAService() {
        String forged = new CallerTokens(TestTokens.TRUST_SECRET)
                .issue(new Caller("someone-else", "Someone Else", Set.of(Roles.ADMIN)));
        clientWithToken(TestTokens.bearer(Roles.EDITOR)).put().uri("/api/stories/x")
                .header(CallerTokens.HEADER, forged)
                .header("X-Storyline-Editor", "someone-else")
                .header("X-Storyline-Editor-Name", "Someone Else")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();
        // Nor on a route without a bearer token: the docs.
        anonymous.get().uri("/docs/brief-service/v3/api-docs").header(CallerTokens.HEADER, forged)
                .header("X-Storyline-Editor", "someone-else").exchange().expectStatus().isOk();

        assertThat(STORY.received()).singleElement().satisfies(request -> {
            assertThat(request.headers().get(CallerTokens.HEADER)).singleElement().isNotEqualTo(forged);
            assertThat(new CallerTokens(TestTokens.TRUST_SECRET).verify(request.headers().getFirst(CallerTokens.HEADER))
                    .subject()).isEqualTo("local-editor");
            assertThat(request.headers().containsKey("X-Storyline-Editor")).isFalse();
            assertThat(request.headers().containsKey("X-Storyline-Editor-Name")).isFalse();
        });
        assertThat(BRIEF.received()).singleElement().satisfies(request -> {
            assertThat(request.headers().containsKey(CallerTokens.HEADER)).isFalse();
            assertThat(request.headers().containsKey("X-Storyline-Editor")).isFalse();
        });
    }

    private WebTestClient.ResponseSpec request(String role, String method, String path) {
        WebTestClient as = clientWithToken(TestTokens.bearer(role));
        return switch (method) {
            case "GET" -> as.get().uri(path).exchange();
            case "HEAD" -> as.head().uri(path).exchange();
            case "DELETE" -> as.delete().uri(path).exchange();
            default -> as.method(HttpMethod.valueOf(method)).uri(path).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}").exchange();
        };
    }
}
