package news.storyline.story.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTest {

    @Test
    void takesTextInAnyScriptAndCharactersBeyondTheBasicPlane() {
        assertThat(PlainText.problemInLine("Кремъл: „мирът“ — 和平 📰 Ωmega")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(chars = {0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F})
    void refusesControlCharactersInALine(char control) {
        assertThat(PlainText.problemInLine("ab" + control + "c"))
                .hasValue("must not contain control characters (" + String.format("U+%04X", (int) control)
                                  + " at character 3)");
    }

    @Test
    void letsParagraphsBreakLinesAndIndentWithTabs() {
        assertThat(PlainText.problemInParagraphs("Първи абзац.\n\n\tВтори абзац.")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(chars = {0x00, 0x0B, 0x0D, 0x7F, 0x85})
    void refusesOtherControlCharactersInParagraphs(char control) {
        assertThat(PlainText.problemInParagraphs("Абзац.\n" + control)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "a\uDC00", "\uDC00\uD800", "\uD83D"})
    void refusesLoneSurrogates(String text) {
        assertThat(PlainText.problemInLine(text)).hasValueSatisfying(
                problem -> assertThat(problem).startsWith("must not contain a lone surrogate"));
    }

    @Test
    void takesTheNoBreakSpaceJustPastTheControlCharacters() {
        assertThat(PlainText.problemInLine("Москва\u00A0Берлин")).isEmpty();
    }
}
