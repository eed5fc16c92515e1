package news.storyline.gateway;

import news.storyline.trust.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static news.storyline.gateway.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may use every route, generated from the gateway's own route definitions: each path pattern and method of each
 * route is called without a token ({@code 401}), with a token of no role ({@code 403}), and with each role (forwarded
 * when the table allows it, {@code 403} and nothing forwarded when not). A route added without a row in
 * {@link #ALLOWED} fails this test, so a new route cannot be left unchecked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "storyline.rate-limits.reads.capacity=100000",
        "storyline.rate-limits.writes.capacity=100000"})
class RouteSecurityTableTest extends GatewayTest {

    private static final Set<String> PUBLIC = Set.of();
    private static final Set<String> READERS = Set.of(Roles.READER, Roles.EDITOR, Roles.ADMIN);

    /** "route id path pattern" to the roles it lets through; {@link #PUBLIC}: no token needed. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("story-docs /docs/story-service/v3/api-docs", PUBLIC),
            Map.entry("brief-docs /docs/brief-service/v3/api-docs", PUBLIC),
            Map.entry("story-writes-idempotent /api/stories/**", Set.of(Roles.EDITOR)),
            Map.entry("story-writes-idempotent /api/stories", Set.of(Roles.EDITOR)),
            Map.entry("story-writes-idempotent /api/threads/**", Set.of(Roles.EDITOR)),
            Map.entry("story-writes-idempotent /api/threads", Set.of(Roles.EDITOR)),
            Map.entry("story-writes /api/stories/**", Set.of(Roles.EDITOR)),
            Map.entry("story-writes /api/stories", Set.of(Roles.EDITOR)),
            Map.entry("story-writes /api/threads/**", Set.of(Roles.EDITOR)),
            Map.entry("story-writes /api/threads", Set.of(Roles.EDITOR)),
            Map.entry("live-streams /api/threads/*/live", READERS),
            Map.entry("live-streams /api/events/stream", Set.of(Roles.SUBSCRIBER, Roles.ADMIN)),
            Map.entry("read-model-admin /api/admin", Set.of(Roles.ADMIN)),
            Map.entry("read-model-admin /api/admin/**", Set.of(Roles.ADMIN)),
            Map.entry("reads /api/**", READERS));

    /** A method the route takes, on a path its pattern matches, with the headers its predicates ask for. */
    private record Call(String row, HttpMethod method, String path, Map<String, String> headers) {
    }

    @Autowired
    RouteDefinitionLocator routes;

    @Test
    void everyRouteLetsInItsRolesOnly() {
        List<Call> calls = calls();
        assertThat(calls).extracting(Call::row).containsAll(ALLOWED.keySet());
        List<String> failures = new ArrayList<>();
        for (Call call : calls) {
            Set<String> allowed = ALLOWED.get(call.row());
            if (allowed == null) {
                failures.add(call.row() + ": a route with no row in the table of who may use it");
                continue;
            }
            check(call, null, allowed == PUBLIC ? 200 : 401, failures);
            check(call, TestTokens.bearer(), allowed == PUBLIC ? 200 : 403, failures);
            for (String role : ALL_ROLES) {
                check(call, TestTokens.bearer(role), allowed == PUBLIC || allowed.contains(role) ? 200 : 403, failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    private void check(Call call, String authorization, int expected, List<String> failures) {
        STORY.reset();
        BRIEF.reset();
        WebTestClient.RequestBodySpec request = clientWithToken(authorization).method(call.method()).uri(call.path());
        call.headers().forEach(request::header);
        WebTestClient.ResponseSpec response = HttpMethod.GET.equals(call.method())
                || HttpMethod.HEAD.equals(call.method()) || HttpMethod.DELETE.equals(call.method())
                ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
        int forwarded = STORY.received().size() + BRIEF.received().size();
        String who = call.method() + " " + call.path() + " (" + call.row() + ") with "
                + (authorization == null ? "no token" : authorization.substring(0, Math.min(20, authorization.length())));
        try {
            if (expected == 200) {
                response.expectStatus().isOk();
                assertThat(forwarded).as("forwarded").isEqualTo(1);
            } else if (HttpMethod.HEAD.equals(call.method())) {
                response.expectStatus().isEqualTo(expected);
                assertThat(forwarded).as("forwarded").isZero();
            } else {
                assertProblem(response, expected, expected == 401 ? "unauthenticated" : "forbidden");
                assertThat(forwarded).as("forwarded").isZero();
            }
        } catch (AssertionError wrong) {
            failures.add(who + ": " + wrong.getMessage().lines().findFirst().orElse(""));
        }
    }

    private List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        for (RouteDefinition route : routes.getRouteDefinitions().collectList().block()) {
            List<String> paths = List.of();
            List<HttpMethod> methods = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
                    HttpMethod.PATCH, HttpMethod.DELETE);
            Map<String, String> headers = new java.util.HashMap<>();
            for (PredicateDefinition predicate : route.getPredicates()) {
                List<String> args = List.copyOf(predicate.getArgs().values());
                switch (predicate.getName()) {
                    case "Path" -> paths = args;
                    case "Method" -> methods = args.stream().map(HttpMethod::valueOf).toList();
                    case "Header" -> headers.put(args.get(0), "k-1");
                    default -> throw new AssertionError("No sample request for a " + predicate.getName()
                            + " predicate (route " + route.getId() + "): teach this test");
                }
            }
            for (String pattern : paths) {
                String path = pattern.replace("/**", "/x/y").replace("*", "t");
                for (HttpMethod method : methods) {
                    calls.add(new Call(route.getId() + " " + pattern, method, path, headers));
                }
            }
        }
        return calls;
    }
}
