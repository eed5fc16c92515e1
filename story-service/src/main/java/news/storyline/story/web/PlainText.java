package news.storyline.story.web;

import java.util.Optional;

/**
 * What text a newsroom field may hold. Control characters (U+0000 to U+001F, U+007F to U+009F) have no place in
 * a headline or a place name: they break feeds, terminals and the XML of syndication formats, and a NUL cuts a
 * string short in C libraries downstream. A lone surrogate is not text at all; it cannot be encoded in UTF-8.
 * Paragraphs may break lines and indent with tabs; carriage returns are refused there too, so that a story has
 * one line ending.
 */
final class PlainText {

    private PlainText() {
    }

    /** @return what is wrong with a single line of text, if anything */
    static Optional<String> problemInLine(String text) {
        return firstProblem(text, false);
    }

    /** @return what is wrong with text of paragraphs (line feeds and tabs allowed), if anything */
    static Optional<String> problemInParagraphs(String text) {
        return firstProblem(text, true);
    }

    private static Optional<String> firstProblem(String text, boolean paragraphs) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain a lone surrogate (" + codePoint(c) + " at character " + (i + 1) + ")");
            } else if (isControl(c) && !(paragraphs && (c == '\n' || c == '\t'))) {
                return Optional.of("must not contain control characters (" + codePoint(c) + " at character " + (i + 1) + ")");
            }
        }
        return Optional.empty();
    }

    private static boolean isControl(char c) {
        return c <= 0x1F || (c >= 0x7F && c <= 0x9F);
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
