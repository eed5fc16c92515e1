package news.storyline.brief.query;

import news.storyline.api.query.DiffSegment;
import news.storyline.api.query.DiffSegment.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Word-level diffs of Cyrillic text, as the seed page's stories are written. */
class WordDiffTest {

    @Test
    void aCorrectedWordIsOneDeletionAndOneInsertion() {
        assertThat(WordDiff.between("Ким се срещна вчера", "Ким се срещна днес")).containsExactly(
                new DiffSegment(Op.EQUAL, "Ким се срещна "),
                new DiffSegment(Op.DELETE, "вчера"),
                new DiffSegment(Op.INSERT, "днес"));
    }

    @Test
    void cyrillicWordsStayWholeAndPunctuationAndSpacesAreTokensOfTheirOwn() {
        assertThat(WordDiff.tokens("Моджтаба Хаменей, „нов“ лидер.")).containsExactly(
                "Моджтаба", " ", "Хаменей", ",", " ", "„", "нов", "“", " ", "лидер", ".");
        assertThat(WordDiff.tokens("Чен-ун\u00a0 2026")).containsExactly("Чен", "-", "ун", "\u00a0 ", "2026");
        assertThat(WordDiff.tokens(null)).isEmpty();
    }

    @Test
    void aWordChangedInsideAHeadlineLeavesTheRestAlone() {
        List<DiffSegment> segments = WordDiff.between("Президентът на Ирак поздрави Моджтаба Хаменей",
                                                      "Президентът на Ирак поздрави новия върховен лидер на Иран");

        assertThat(segments).containsExactly(
                new DiffSegment(Op.EQUAL, "Президентът на Ирак поздрави "),
                new DiffSegment(Op.DELETE, "Моджтаба Хаменей"),
                new DiffSegment(Op.INSERT, "новия върховен лидер на Иран"));
    }

    @Test
    void neighbouringChangesReadAsOneChangeNotAsPiecesAroundASpace() {
        assertThat(WordDiff.between("Ким се срещна вчера със Шойгу.", "Ким се срещна днес с Шойгу.")).containsExactly(
                new DiffSegment(Op.EQUAL, "Ким се срещна "),
                new DiffSegment(Op.DELETE, "вчера със"),
                new DiffSegment(Op.INSERT, "днес с"),
                new DiffSegment(Op.EQUAL, " Шойгу."));
        assertThat(WordDiff.between("Кремъл заяви, че мирните преговори трябва да продължат",
                                    "Кремъл заяви, че преговорите трябва да продължат")).containsExactly(
                new DiffSegment(Op.EQUAL, "Кремъл заяви, че "),
                new DiffSegment(Op.DELETE, "мирните преговори"),
                new DiffSegment(Op.INSERT, "преговорите"),
                new DiffSegment(Op.EQUAL, " трябва да продължат"));
    }

    @Test
    void addedAndRemovedSentencesAreInsertionsAndDeletions() {
        assertThat(WordDiff.between("Първо изречение.", "Първо изречение. Второ изречение.")).containsExactly(
                new DiffSegment(Op.EQUAL, "Първо изречение."),
                new DiffSegment(Op.INSERT, " Второ изречение."));
        assertThat(WordDiff.between("Едно, две и три.", "Едно и три.")).containsExactly(
                new DiffSegment(Op.EQUAL, "Едно"),
                new DiffSegment(Op.DELETE, ", две"),
                new DiffSegment(Op.EQUAL, " и три."));
    }

    @Test
    void sameTextIsOneEqualSegmentAndNoTextIsNone() {
        assertThat(WordDiff.between("Без промяна.", "Без промяна.")).containsExactly(
                new DiffSegment(Op.EQUAL, "Без промяна."));
        assertThat(WordDiff.between("", "")).isEmpty();
    }

    @Test
    void sentencesKeepTheirSpacesAndEndAtLineBreaks() {
        assertThat(WordDiff.sentences("Първо. Второ?! Трето\nЧетвърто… ")).containsExactly(
                "Първо. ", "Второ?! ", "Трето\n", "Четвърто… ");
    }

    @Test
    void aWordChangedInALongBodyIsStillOneWord() {
        String body = longBody(400);

        List<DiffSegment> segments = WordDiff.between(body, body.replace("номер 200 е", "номер 200 беше"));

        assertThat(segments).extracting(DiffSegment::op).containsExactly(Op.EQUAL, Op.DELETE, Op.INSERT, Op.EQUAL);
        assertThat(segments.get(1).text()).isEqualTo("е");
        assertThat(segments.get(2).text()).isEqualTo("беше");
    }

    @Test
    void changesFarApartInALongBodyAreFoundSentenceBySentenceThenWordByWord() {
        String body = longBody(400);
        String revised = body.replace("номер 20 е", "номер 20 беше").replace("номер 380 е", "номер 380 остава");

        List<DiffSegment> segments = WordDiff.between(body, revised);

        assertThat(segments).filteredOn(segment -> segment.op() != Op.EQUAL).extracting(DiffSegment::text)
                            .containsExactly("е", "беше", "е", "остава");
        assertThat(join(segments, Op.DELETE)).isEqualTo(body);
        assertThat(join(segments, Op.INSERT)).isEqualTo(revised);
    }

    @Test
    @Timeout(5)
    void aRewrittenLongBodyIsComparedInBoundedTime() {
        String body = longBody(4_000);
        String revised = longBody(4_000).replace("Изречение", "Ред").replace(" е ", " беше ");

        List<DiffSegment> segments = WordDiff.between(body, revised);

        assertThat(join(segments, Op.DELETE)).isEqualTo(body);
        assertThat(join(segments, Op.INSERT)).isEqualTo(revised);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Ким се срещна вчера със Шойгу.|Ким Чен-ун се срещна днес с Шойгу в Пхенян.",
            "Всички страни имат интерес.|Никоя страна няма интерес, заяви Кремъл.",
            "Текст.|''",
            "''|Нов текст на\nдва реда.",
            "Ред едно.\n\nРед  две.|Ред едно.\nРед две!"})
    void equalAndDeletedTextGiveTheOldVersionAndEqualAndInsertedTheNew(String before, String after) {
        List<DiffSegment> segments = WordDiff.between(before, after);

        assertThat(join(segments, Op.DELETE)).isEqualTo(before);
        assertThat(join(segments, Op.INSERT)).isEqualTo(after);
    }

    private static String longBody(int sentences) {
        return IntStream.rangeClosed(1, sentences).mapToObj(n -> "Изречение номер " + n + " е тук.")
                        .collect(Collectors.joining(" "));
    }

    private static String join(List<DiffSegment> segments, Op side) {
        return segments.stream().filter(segment -> segment.op() == Op.EQUAL || segment.op() == side)
                       .map(DiffSegment::text).collect(Collectors.joining());
    }
}
