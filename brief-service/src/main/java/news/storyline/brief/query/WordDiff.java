package news.storyline.brief.query;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import news.storyline.api.query.DiffSegment;
import news.storyline.api.query.DiffSegment.Op;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two texts word by word. A text splits into words (letters, marks and digits of any script, so
 * "Хаменей" stays whole), runs of whitespace, and single other characters (punctuation), and nothing is dropped:
 * the tokens joined give the text back, which is what lets the segments rebuild either version exactly.
 * <p>
 * Myers' algorithm takes time in proportion to the text's length times the number of differences: seconds for a
 * rewritten 100 000-character body. So only what lies between the texts' common beginning and end is compared,
 * word by word while it is short; a longer stretch is compared sentence by sentence, and the changed sentences word
 * by word where they are short; a stretch of too many sentences is shown as replaced whole.
 */
final class WordDiff {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+|\\s+|.",
                                                         Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL);
    /** A sentence with the spaces after it; a line break ends a sentence too. */
    private static final Pattern SENTENCE = Pattern.compile("[^.!?…\\n]+[.!?…]*\\s*|[.!?…]+\\s*|\\s+",
                                                            Pattern.UNICODE_CHARACTER_CLASS);
    /** Tokens of both texts together that are compared word by word: a paragraph of about a hundred words each. */
    private static final int MAX_WORD_TOKENS = 500;
    /** Sentences of both texts together that are compared sentence by sentence: a long body (1 500 sentences) each. */
    private static final int MAX_SENTENCES = 3_000;

    private WordDiff() {
    }

    static List<String> tokens(String text) {
        return split(TOKEN, text);
    }

    static List<String> sentences(String text) {
        return split(SENTENCE, text);
    }

    static List<DiffSegment> between(String before, String after) {
        List<String> old = tokens(before);
        List<String> revised = tokens(after);
        int prefix = 0;
        while (prefix < Math.min(old.size(), revised.size()) && old.get(prefix).equals(revised.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < Math.min(old.size(), revised.size()) - prefix
                && old.get(old.size() - 1 - suffix).equals(revised.get(revised.size() - 1 - suffix))) {
            suffix++;
        }
        List<Run> runs = new ArrayList<>();
        runs.add(Run.same(old.subList(0, prefix)));
        runs.addAll(compare(old.subList(prefix, old.size() - suffix),
                            revised.subList(prefix, revised.size() - suffix)));
        runs.add(Run.same(old.subList(old.size() - suffix, old.size())));
        runs.removeIf(run -> run.deleted().isEmpty() && run.inserted().isEmpty());
        joinChangesAcrossSpaces(runs);
        return segments(runs);
    }

    private static List<Run> compare(List<String> old, List<String> revised) {
        if (old.size() + revised.size() <= MAX_WORD_TOKENS) {
            return myers(old, revised);
        }
        List<String> oldSentences = sentences(String.join("", old));
        List<String> revisedSentences = sentences(String.join("", revised));
        if (oldSentences.size() + revisedSentences.size() > MAX_SENTENCES) {
            return List.of(new Run(false, old, revised));
        }
        List<Run> runs = new ArrayList<>();
        for (Run sentences : myers(oldSentences, revisedSentences)) {
            List<String> deleted = tokens(String.join("", sentences.deleted()));
            List<String> inserted = tokens(String.join("", sentences.inserted()));
            if (sentences.equal()) {
                runs.add(Run.same(deleted));
            } else if (deleted.size() + inserted.size() <= MAX_WORD_TOKENS) {
                runs.addAll(myers(deleted, inserted));
            } else {
                runs.add(new Run(false, deleted, inserted));
            }
        }
        return runs;
    }

    private static List<Run> myers(List<String> old, List<String> revised) {
        List<Run> runs = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(old, revised, true).getDeltas()) {
            runs.add(new Run(delta.getType() == DeltaType.EQUAL, delta.getSource().getLines(),
                             delta.getTarget().getLines()));
        }
        return runs;
    }

    /**
     * Myers' algorithm may keep any one of several equal spaces, and often keeps one between two changes
     * ("[-вчера-][+днес+] [-със-][+с+]"). A reader sees one change there, so the space joins it: the change after
     * it slides over it when that change ends with the same space ("[-,-] [-две -]и" is "[-, две-] и"); else, next
     * to a replaced word, the space counts as removed and added again ("[-вчера със-][+днес с+]").
     */
    private static void joinChangesAcrossSpaces(List<Run> runs) {
        for (int n = 1; n + 1 < runs.size(); n++) {
            Run space = runs.get(n);
            Run before = runs.get(n - 1);
            Run after = runs.get(n + 1);
            if (!space.equal() || !String.join("", space.deleted()).isBlank() || before.equal() || after.equal()) {
                continue;
            }
            if (after.slidesOver(space.deleted())) {
                slide(runs, n);
            } else if (before.replaces() || after.replaces()) {
                runs.set(n, new Run(false, space.deleted(), space.deleted()));
            }
        }
    }

    /** Moves the one-sided change after the space at {@code n} before its own last tokens, which equal the space. */
    private static void slide(List<Run> runs, int n) {
        List<String> space = runs.get(n).deleted();
        Run change = runs.remove(n + 1);
        List<String> side = change.deleted().isEmpty() ? change.inserted() : change.deleted();
        List<String> moved = concat(space, side.subList(0, side.size() - space.size()));
        runs.set(n, change.deleted().isEmpty() ? new Run(false, List.of(), moved) : new Run(false, moved, List.of()));
        if (n + 1 < runs.size()) {
            Run next = runs.get(n + 1);
            runs.set(n + 1, new Run(true, concat(space, next.deleted()), concat(space, next.inserted())));
        } else {
            runs.add(new Run(true, space, space));
        }
    }

    private static List<DiffSegment> segments(List<Run> runs) {
        Segments segments = new Segments();
        for (Run run : runs) {
            if (run.equal()) {
                segments.equal(String.join("", run.deleted()));
            } else {
                segments.change(String.join("", run.deleted()), String.join("", run.inserted()));
            }
        }
        return segments.done();
    }

    private static List<String> split(Pattern pattern, String text) {
        List<String> parts = new ArrayList<>();
        Matcher matcher = pattern.matcher(text == null ? "" : text);
        while (matcher.find()) {
            parts.add(matcher.group());
        }
        return parts;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** Tokens both texts share ({@code deleted} and {@code inserted} alike), or a change from one to the other. */
    private record Run(boolean equal, List<String> deleted, List<String> inserted) {

        static Run same(List<String> tokens) {
            return new Run(true, tokens, tokens);
        }

        boolean replaces() {
            return !equal && !deleted.isEmpty() && !inserted.isEmpty();
        }

        /** Whether this change only removes or only adds, and ends with {@code tokens}. */
        boolean slidesOver(List<String> tokens) {
            List<String> side = deleted.isEmpty() ? inserted : deleted;
            return !equal && !replaces() && side.size() > tokens.size()
                    && side.subList(side.size() - tokens.size(), side.size()).equals(tokens);
        }
    }

    /** Collects segments, holding back a change until the next equal run: a change is one DELETE and one INSERT. */
    private static final class Segments {

        private final List<DiffSegment> segments = new ArrayList<>();
        private final StringBuilder deleted = new StringBuilder();
        private final StringBuilder inserted = new StringBuilder();

        void change(String removed, String added) {
            deleted.append(removed);
            inserted.append(added);
        }

        void equal(String text) {
            flush();
            add(Op.EQUAL, text);
        }

        List<DiffSegment> done() {
            flush();
            return List.copyOf(segments);
        }

        private void flush() {
            add(Op.DELETE, deleted.toString());
            add(Op.INSERT, inserted.toString());
            deleted.setLength(0);
            inserted.setLength(0);
        }

        private void add(Op op, String text) {
            if (text.isEmpty()) {
                return;
            }
            int last = segments.size() - 1;
            if (last >= 0 && segments.get(last).op() == op) {
                segments.set(last, new DiffSegment(op, segments.get(last).text() + text));
            } else {
                segments.add(new DiffSegment(op, text));
            }
        }
    }
}
