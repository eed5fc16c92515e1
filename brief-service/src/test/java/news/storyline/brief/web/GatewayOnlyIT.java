package news.storyline.brief.web;

import com.fasterxml.jackson.databind.JsonNode;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import news.storyline.testsupport.TestCallers;
import news.storyline.trust.Caller;
import news.storyline.trust.CallerTokens;
import news.storyline.trust.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import static news.storyline.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** brief-service answers only requests the gateway relayed, with its caller token; probes and docs stay open. */
@ServiceIT
class GatewayOnlyIT {

    private static final Caller READER = new Caller("reader-7", "Читател", Set.of(Roles.READER));

    @Autowired
    Api api;

    @Test
    void answersAReaderTheGatewayVouchesFor() {
        assertThat(api.as(READER).get("/api/briefs").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void refusesReadsAndRebuildsWithoutACallerToken() {
        assertUntrusted(api.withoutCaller().get("/api/briefs"));
        assertUntrusted(api.withoutCaller().get("/api/threads"));
        assertUntrusted(api.withoutCaller().post("/api/admin/rebuilds", null));
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() {
        byte[] otherSecret = new byte[32];
        new SecureRandom().nextBytes(otherSecret);

        assertUntrusted(getBriefsWith(CallerTokens.HEADER, new CallerTokens(otherSecret).issue(READER)));
    }

    @Test
    void refusesAnExpiredToken() {
        Clock twoMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2));
        CallerTokens gatewayThen = new CallerTokens(Base64.getDecoder().decode(TestCallers.base64Secret()), twoMinutesAgo);

        assertUntrusted(getBriefsWith(CallerTokens.HEADER, gatewayThen.issue(READER)));
    }

    @Test
    void refusesACallerNamedInAHeaderInsteadOfAToken() {
        assertUntrusted(getBriefsWith("X-Storyline-Editor", "editor-42"));
    }

    @Test
    void leavesHealthAndTheApiDocumentOpen() {
        assertThat(api.withoutCaller().get("/actuator/health").getStatusCode().value()).isEqualTo(200);
        assertThat(api.withoutCaller().get("/v3/api-docs").getStatusCode().value()).isEqualTo(200);
    }

    private ResponseEntity<JsonNode> getBriefsWith(String header, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(header, value);
        return api.withoutCaller().send(HttpMethod.GET, "/api/briefs", null, null, headers);
    }

    private static void assertUntrusted(ResponseEntity<JsonNode> response) {
        assertProblem(response, 401, "unauthenticated");
        assertThat(response.getBody().get("detail").asText()).contains("gateway");
        assertThat(response.getBody().has("briefs")).isFalse();
    }
}
