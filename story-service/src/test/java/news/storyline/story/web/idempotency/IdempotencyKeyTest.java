package news.storyline.story.web.idempotency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeyTest {

    private static final int MAX = 200;

    @Test
    void takesTheKeyAsAStructuredFieldStringOrBare() {
        assertThat(IdempotencyKey.parse("\"8e03978e-40d5-43e8\"", MAX).value()).isEqualTo("8e03978e-40d5-43e8");
        assertThat(IdempotencyKey.parse("8e03978e-40d5-43e8", MAX).value()).isEqualTo("8e03978e-40d5-43e8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"\""})
    void refusesAnEmptyKey(String header) {
        assertThatThrownBy(() -> IdempotencyKey.parse(header, MAX))
                .isInstanceOf(IdempotencyKey.MalformedKeyException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void takesAKeyUpToTheLongestAllowed() {
        assertThat(IdempotencyKey.parse("k".repeat(MAX), MAX).value()).hasSize(MAX);
        assertThat(IdempotencyKey.parse("\"" + "k".repeat(MAX) + "\"", MAX).value()).hasSize(MAX);
        assertThatThrownBy(() -> IdempotencyKey.parse("k".repeat(MAX + 1), MAX))
                .isInstanceOf(IdempotencyKey.MalformedKeyException.class)
                .hasMessageContaining("at most 200");
    }

    /** Tomcat hands header bytes over as ISO-8859-1: a UTF-8 key arrives as such characters, and is refused too. */
    @ParameterizedTest
    @ValueSource(strings = {"key\u0000one", "key\tone", "key\u007fone", "ключ", "k\u00c3\u00a9y"})
    void refusesAKeyThatIsNotPrintableAscii(String header) {
        assertThatThrownBy(() -> IdempotencyKey.parse(header, MAX))
                .isInstanceOf(IdempotencyKey.MalformedKeyException.class)
                .hasMessageContaining("printable ASCII");
    }
}
