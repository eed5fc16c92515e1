package news.storyline.web.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.storyline.trust.Caller;
import news.storyline.trust.CallerTokens;
import news.storyline.trust.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.security.SecureRandom;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTrustFilterTest {

    private static final Caller EDITOR = new Caller("editor-7", "Мария Петрова", Set.of(Roles.EDITOR));

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final CallerTokens tokens = new CallerTokens(randomSecret());
    private final CallerTrustFilter filter = new CallerTrustFilter(tokens, json);

    @Test
    void letsThroughARequestWithAValidTokenAndKeepsItsCaller() throws Exception {
        MockHttpServletRequest request = request("POST", "/api/stories");
        request.addHeader(CallerTokens.HEADER, tokens.issue(EDITOR));
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).as("handed on").isSameAs(request);
        assertThat(Callers.of(request)).contains(EDITOR);
    }

    @Test
    void refusesARequestWithoutATokenWithAProblemThatGivesNothingAway() throws Exception {
        MockHttpServletRequest request = request("GET", "/api/briefs");
        request.addHeader("X-Correlation-Id", "corr-42");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("not handed on").isNull();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsByteArray());
        assertThat(problem.get("type").asText()).isEqualTo("https://storyline.news/problems/unauthenticated");
        assertThat(problem.get("detail").asText()).isEqualTo("This service answers only requests relayed by the gateway");
        assertThat(problem.get("correlationId").asText()).isEqualTo("corr-42");
        assertThat(problem.toString()).doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("signature");
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() throws Exception {
        MockHttpServletRequest request = request("GET", "/api/briefs");
        request.addHeader(CallerTokens.HEADER, new CallerTokens(randomSecret()).issue(EDITOR));
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(Callers.of(request)).isEmpty();
    }

    @Test
    void leavesHealthInfoMetricsAndApiDocsOpen() throws Exception {
        for (String open : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/info",
                                         "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/swagger-config"}) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request("GET", open), new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as(open).isNotNull();
        }
    }

    @Test
    void guardsPathsThatOnlyLookLikeOpenOnes() throws Exception {
        for (String guarded : new String[] {"/actuator/healthz", "/actuator/info/more", "/actuator/env",
                                            "/v3/api-docs-private", "/api/stories"}) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request("GET", guarded), response, new MockFilterChain());
            assertThat(response.getStatus()).as(guarded).isEqualTo(401);
        }
    }

    /** A request to {@code path} as a servlet container hands it to a filter before the dispatcher mapped at "/". */
    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        return request;
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
