package news.storyline.story.command;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static java.util.Map.entry;

/**
 * Makes a thread's slug from its title when the editor sends none: Cyrillic in the Bulgarian Streamlined System
 * (the official one, on passports and road signs), Latin without its accents, apostrophes dropped, any other run
 * of characters one dash. "Мирните преговори за Украйна" becomes {@code mirnite-pregovori-za-ukrayna}.
 */
public final class Slugs {

    /** Bulgarian letters, and the Russian ones Bulgarian lacks, as they are read aloud. */
    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            entry('а', "a"), entry('б', "b"), entry('в', "v"), entry('г', "g"), entry('д', "d"), entry('е', "e"),
            entry('ж', "zh"), entry('з', "z"), entry('и', "i"), entry('й', "y"), entry('к', "k"), entry('л', "l"),
            entry('м', "m"), entry('н', "n"), entry('о', "o"), entry('п', "p"), entry('р', "r"), entry('с', "s"),
            entry('т', "t"), entry('у', "u"), entry('ф', "f"), entry('х', "h"), entry('ц', "ts"), entry('ч', "ch"),
            entry('ш', "sh"), entry('щ', "sht"), entry('ъ', "a"), entry('ь', "y"), entry('ю', "yu"), entry('я', "ya"),
            entry('ы', "y"), entry('э', "e"), entry('ё', "yo"));
    /** The system's one exception to its table: "ия" ending a word is "ia" (България, bulgaria; София, sofia). */
    private static final Pattern WORD_FINAL_IA = Pattern.compile("ия(?!\\p{L})");
    private static final Pattern APOSTROPHES = Pattern.compile("['’ʼ]");
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_IN_A_SLUG = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** @throws InvalidStoryException on field {@code slug} when the title has no letter or digit to make one of */
    public static String fromTitle(String title) {
        // Composed first, so that a й typed as и plus a breve is still read as й, not as an accented и.
        String lower = Normalizer.normalize(title, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        String latin = transliterate(WORD_FINAL_IA.matcher(lower).replaceAll("ia"));
        String unaccented = ACCENTS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFD)).replaceAll("");
        String dashed = NOT_IN_A_SLUG.matcher(APOSTROPHES.matcher(unaccented).replaceAll("")).replaceAll("-");
        String slug = cutToLength(trimDashes(dashed));
        if (slug.isEmpty()) {
            throw new InvalidStoryException("slug", "cannot be made from this title; send one");
        }
        return slug;
    }

    private static String transliterate(String text) {
        StringBuilder latin = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            latin.append(CYRILLIC.getOrDefault(c, String.valueOf(c)));
        }
        return latin.toString();
    }

    private static String trimDashes(String slug) {
        int start = slug.startsWith("-") ? 1 : 0;
        int end = slug.endsWith("-") ? slug.length() - 1 : slug.length();
        return start >= end ? "" : slug.substring(start, end);
    }

    /** Cuts after the last whole word that fits; a single word too long for a slug is cut where it must be. */
    private static String cutToLength(String slug) {
        if (slug.length() <= ThreadRules.MAX_SLUG_LENGTH) {
            return slug;
        }
        int lastDash = slug.lastIndexOf('-', ThreadRules.MAX_SLUG_LENGTH);
        return slug.substring(0, lastDash > 0 ? lastDash : ThreadRules.MAX_SLUG_LENGTH);
    }
}
