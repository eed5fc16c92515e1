package news.storyline.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape every problem the gateway answers itself has: type, title, status, a safe detail, the correlation id. */
final class ProblemAssert {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemAssert() {
    }

    static JsonNode assertProblem(WebTestClient.ResponseSpec response, int status, String kind) {
        EntityExchangeResult<byte[]> result = response
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult();
        JsonNode problem;
        try {
            problem = JSON.readTree(result.getResponseBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(problem.path("type").asText()).isEqualTo("https://storyline.news/problems/" + kind);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank()
                .doesNotContain("127.0.0.1").doesNotContain("Exception").doesNotContain("Jwt").doesNotContain("\n");
        String correlationId = result.getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(correlationId).isNotBlank();
        assertThat(problem.path("correlationId").asText()).isEqualTo(correlationId);
        return problem;
    }
}
