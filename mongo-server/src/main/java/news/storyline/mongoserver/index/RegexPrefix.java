package news.storyline.mongoserver.index;

import java.util.Optional;

/**
 * The literal prefix of an anchored regular expression, as MongoDB bounds an index scan with it: {@code ^Хамен}
 * can only match strings from "Хамен" up to "Хамен\uFFFF". Anything that could match elsewhere (an alternation,
 * case-insensitive or multi-line options) gives no prefix.
 */
final class RegexPrefix {

    private static final String METACHARACTERS = ".[]{}()*+?^$|\\";
    private static final String OPTIONAL_QUANTIFIERS = "*?{";
    /** Options that do not change what {@code ^} and literal characters mean. */
    private static final String HARMLESS_OPTIONS = "su";

    private RegexPrefix() {
    }

    static Optional<Interval> interval(String pattern, String options) {
        if (!pattern.startsWith("^") || pattern.contains("|") || !HARMLESS_OPTIONS.chars().boxed().toList()
                .containsAll(options.chars().boxed().toList())) {
            return Optional.empty();
        }
        StringBuilder prefix = new StringBuilder();
        int at = 1;
        while (at < pattern.length()) {
            char c = pattern.charAt(at);
            if (c == '\\' && at + 1 < pattern.length() && !Character.isLetterOrDigit(pattern.charAt(at + 1))) {
                prefix.append(pattern.charAt(at + 1));
                at += 2;
            } else if (METACHARACTERS.indexOf(c) >= 0) {
                if (OPTIONAL_QUANTIFIERS.indexOf(c) >= 0 && !prefix.isEmpty()) {
                    prefix.setLength(prefix.length() - 1); // the character before may not be there at all
                }
                break;
            } else {
                prefix.append(c);
                at++;
            }
        }
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Interval(prefix.toString(), true, prefix + "\uFFFF", false));
    }
}
