package news.storyline.systemtest;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a refusal looks like from outside: an RFC 9457 problem of the expected status and type, with the request's
 * correlation id, which tells the client nothing about the stack behind it (no exception, no internal address).
 */
final class Problems {

    private Problems() {
    }

    /** {@code response} is a problem of {@code status} whose type ends in {@code /type}; returns its body. */
    static JsonNode assertProblem(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = response.body();
        assertThat(problem.path("type").asText()).as(response.toString()).endsWith("/" + type);
        assertThat(problem.path("status").asInt()).as(response.toString()).isEqualTo(status);
        assertThat(problem.path("correlationId").asText()).as("the id a client quotes: " + response).isNotBlank();
        assertThat(response.text()).doesNotContain("Exception", "127.0.0.1");
        return problem;
    }
}
