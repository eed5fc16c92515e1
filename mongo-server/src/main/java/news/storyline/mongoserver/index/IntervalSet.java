package news.storyline.mongoserver.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The values a query allows for one field: disjoint intervals in ascending order (a union, as {@code $in} or an
 * {@code $or} over one field asks). Empty when no value can match.
 */
record IntervalSet(List<Interval> intervals) {

    IntervalSet {
        intervals = merged(intervals);
    }

    static IntervalSet of(Interval... intervals) {
        return new IntervalSet(List.of(intervals));
    }

    boolean isEmpty() {
        return intervals.isEmpty();
    }

    boolean isSinglePoint() {
        return intervals.size() == 1 && intervals.get(0).isPoint();
    }

    boolean isAllPoints() {
        return intervals.stream().allMatch(Interval::isPoint);
    }

    IntervalSet union(IntervalSet other) {
        List<Interval> all = new ArrayList<>(intervals);
        all.addAll(other.intervals);
        return new IntervalSet(all);
    }

    IntervalSet intersect(IntervalSet other) {
        List<Interval> both = new ArrayList<>();
        for (Interval mine : intervals) {
            for (Interval theirs : other.intervals) {
                mine.intersect(theirs).ifPresent(both::add);
            }
        }
        return new IntervalSet(both);
    }

    private static List<Interval> merged(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(interval -> interval, Interval::compareLows));
        List<Interval> merged = new ArrayList<>();
        for (Interval next : sorted) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && overlapOrTouch(last, next)) {
                merged.set(merged.size() - 1, span(last, next));
            } else {
                merged.add(next);
            }
        }
        return List.copyOf(merged);
    }

    /** Whether {@code next}, which starts no lower than {@code last}, leaves no value between them. */
    private static boolean overlapOrTouch(Interval last, Interval next) {
        if (last.high() == Interval.UNBOUNDED || next.low() == Interval.UNBOUNDED) {
            return true;
        }
        int order = IndexEntryType.compareValues(last.high(), next.low());
        return order > 0 || (order == 0 && (last.highInclusive() || next.lowInclusive()));
    }

    private static Interval span(Interval last, Interval next) {
        Interval higher = higherEnd(last, next);
        return new Interval(last.low(), last.lowInclusive(), higher.high(), higher.highInclusive());
    }

    private static Interval higherEnd(Interval a, Interval b) {
        if (a.high() == Interval.UNBOUNDED) {
            return a;
        }
        if (b.high() == Interval.UNBOUNDED) {
            return b;
        }
        int order = IndexEntryType.compareValues(a.high(), b.high());
        if (order != 0) {
            return order > 0 ? a : b;
        }
        return a.highInclusive() ? a : b;
    }
}
