package news.storyline.brief.query;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The words of a text as search compares them: compatibility forms folded (NFKC, so a ligature or a full-width
 * letter is the letter), lower case, ё as е, stress marks dropped, split on anything that is not a letter or a digit.
 * Stories are indexed and queries asked in the same terms, so "ХАМЕНЕЙ", "Хаменей" and "хаменей" are one word.
 */
final class SearchTerms {

    private SearchTerms() {
    }

    /** The distinct terms of {@code text}, in the order they first appear. */
    static List<String> of(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC)
                                  .toLowerCase(Locale.ROOT)
                                  .replace('ё', 'е')
                                  // a mark with no precomposed letter (the stress mark over а́) would split a word
                                  .replaceAll("\\p{Mn}", "");
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+"))
                     .filter(term -> !term.isEmpty())
                     .distinct()
                     .toList();
    }
}
