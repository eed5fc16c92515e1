package news.storyline.mongoserver.index;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RegexPrefixTest {

    @ParameterizedTest(name = "/{0}/{1} bounds the scan from \"{2}\"")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "^Хамен       |   | Хамен",
            "^Хамен.*     |   | Хамен",
            "^Хаме+н      |   | Хаме",
            "^Хамен?      |   | Хаме",
            "^Хамен*      |   | Хаме",
            "^Хам{2}      |   | Ха",
            "^ab\\-c      |   | ab-c",
            "^ab\\d       |   | ab",
            "^Хамен       | s | Хамен",
            "Хамен        |   | none",
            "^Хамен|Киев  |   | none",
            "^Хамен       | i | none",
            "^Хамен       | m | none",
            "^.амен       |   | none",
            "^*           |   | none"})
    void boundsAnAnchoredLiteralPrefixOnly(String pattern, String options, String prefix) {
        var interval = RegexPrefix.interval(pattern.strip(), options == null ? "" : options.strip());

        if (prefix == null) {
            assertThat(interval).isEmpty();
        } else {
            assertThat(interval).contains(new Interval(prefix.strip(), true, prefix.strip() + "\uFFFF", false));
        }
    }
}
