package news.storyline.systemtest;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a refusal looks like from outside: an RFC 9457 problem of the expected status and type, which tells the
 * client nothing about the stack behind it (no exception, no internal address).
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
        assertThat(response.text()).doesNotContain("Exception", "127.0.0.1");
        return problem;
    }

    /**
     * As {@link #assertProblem}, for the problems the gateway and the services' filters write themselves, which
     * also name the request's {@code correlationId} for the client to quote.
     */
    static JsonNode assertProblemWithCorrelationId(Http.Response response, int status, String type) {
        JsonNode problem = assertProblem(response, status, type);
        assertThat(problem.path("correlationId").asText()).as(response.toString()).isNotBlank();
        return problem;
    }
}
