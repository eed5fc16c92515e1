package news.storyline.brief.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermsTest {

    @Test
    void splitsOnAnythingButLettersAndDigitsInLowerCase() {
        assertThat(SearchTerms.of("Президентът на Ирак поздрави Моджтаба Хаменей, предадоха ИРНА (IRNA) в 2026 г."))
                .containsExactly("президентът", "на", "ирак", "поздрави", "моджтаба", "хаменей", "предадоха", "ирна",
                                 "irna", "в", "2026", "г");
    }

    @Test
    void keepsEachTermOnceInTheOrderItFirstAppears() {
        assertThat(SearchTerms.of("Ким, КИМ и ким: Ким Чен-ун")).containsExactly("ким", "и", "чен", "ун");
    }

    @Test
    void foldsCompatibilityFormsYoAndStressMarks() {
        assertThat(SearchTerms.of("Ёлка ﬁnal ＡＦＰ замо́к")).containsExactly("елка", "final", "afp", "замок");
    }

    @Test
    void findsNoTermsInPunctuationAlone() {
        assertThat(SearchTerms.of(" „…“ — !? ")).isEmpty();
    }
}
