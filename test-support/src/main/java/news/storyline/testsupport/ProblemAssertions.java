package news.storyline.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** What every refusal of the API looks like: an RFC 9457 problem of one of Storyline's types. */
public final class ProblemAssertions {

    /** The base of every problem type; spelled out here rather than taken from the code under test. */
    public static final String PROBLEM_TYPES = "https://storyline.news/problems/";

    private ProblemAssertions() {
    }

    /**
     * Asserts that {@code response} is an {@code application/problem+json} answer with {@code status}, the problem
     * type {@code https://storyline.news/problems/<type>} and a title.
     */
    public static void assertProblem(ResponseEntity<JsonNode> response, int status, String type) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().get("type").asText()).isEqualTo(PROBLEM_TYPES + type);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status);
        assertThat(response.getBody().get("title").asText()).isNotBlank();
    }
}
