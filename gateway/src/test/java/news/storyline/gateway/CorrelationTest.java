package news.storyline.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationTest {

    @Test
    void correlationIdsAreUpTo64LettersDigitsDotsUnderscoresAndDashes() {
        assertThat(Correlation.isWellFormedCorrelationId("a")).isTrue();
        assertThat(Correlation.isWellFormedCorrelationId("Az09._-".repeat(9) + "x")).isTrue(); // 64
        assertThat(Correlation.isWellFormedCorrelationId("x".repeat(65))).isFalse();
        assertThat(Correlation.isWellFormedCorrelationId("")).isFalse();
        assertThat(Correlation.isWellFormedCorrelationId(null)).isFalse();
        assertThat(Correlation.isWellFormedCorrelationId("a b")).isFalse();
        assertThat(Correlation.isWellFormedCorrelationId("a\r\nX-Evil: 1")).isFalse();
        assertThat(Correlation.isWellFormedCorrelationId("ид")).isFalse();
    }

    @Test
    void newCorrelationIdsAreWellFormedAndFresh() {
        assertThat(Correlation.isWellFormedCorrelationId(Correlation.newCorrelationId())).isTrue();
        assertThat(Correlation.newCorrelationId()).isNotEqualTo(Correlation.newCorrelationId());
    }

    @Test
    void traceparentFollowsW3cTraceContext() {
        assertThat(Correlation.isValidTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isTrue();
        assertThat(Correlation.isValidTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")).isTrue();
        // A later version may add fields; version 00 may not.
        assertThat(Correlation.isValidTraceparent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-xyz")).isTrue();
        assertThat(Correlation.isValidTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-xyz")).isFalse();
        assertThat(Correlation.isValidTraceparent("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isFalse();
        assertThat(Correlation.isValidTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isFalse();
        assertThat(Correlation.isValidTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isFalse();
        assertThat(Correlation.isValidTraceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isFalse();
        assertThat(Correlation.isValidTraceparent("00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01")).isFalse();
        assertThat(Correlation.isValidTraceparent(null)).isFalse();
    }

    @Test
    void problemKindsForStatusesTheGatewayMeets() {
        assertThat(ProblemKind.forStatus(404)).isEqualTo(ProblemKind.NOT_FOUND);
        assertThat(ProblemKind.forStatus(503)).isEqualTo(ProblemKind.UNAVAILABLE);
        assertThat(ProblemKind.forStatus(504).type()).hasToString("https://storyline.news/problems/upstream-timeout");
        assertThat(ProblemKind.forStatus(502)).isEqualTo(ProblemKind.UPSTREAM_CONNECTION_LOST);
        assertThat(ProblemKind.forStatus(500)).isEqualTo(ProblemKind.INTERNAL);
        assertThat(ProblemKind.forStatus(418)).isEqualTo(ProblemKind.OTHER);
        assertThat(ProblemKind.forStatus(401).type()).hasToString("https://storyline.news/problems/unauthenticated");
        assertThat(ProblemKind.forStatus(429).type()).hasToString("https://storyline.news/problems/rate-limited");
        assertThat(ProblemKind.forStatus(431).type()).hasToString("https://storyline.news/problems/headers-too-large");
    }
}
