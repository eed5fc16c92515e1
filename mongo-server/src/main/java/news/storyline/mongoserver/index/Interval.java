package news.storyline.mongoserver.index;

import java.util.Optional;

/**
 * A range of one field's values in MongoDB's order, each end closed, open, or {@link #UNBOUNDED}.
 * A point ({@code $eq}, one value of {@code $in}) is a closed interval whose ends are equal.
 */
record Interval(Object low, boolean lowInclusive, Object high, boolean highInclusive) {

    /** An end that is not bounded: below every value as a low end, above every value as a high end. */
    static final Object UNBOUNDED = new Object() {
        @Override
        public String toString() {
            return "UNBOUNDED";
        }
    };

    static Interval point(Object value) {
        return new Interval(value, true, value, true);
    }

    static Interval above(Object value, boolean inclusive) {
        return new Interval(value, inclusive, UNBOUNDED, true);
    }

    static Interval below(Object value, boolean inclusive) {
        return new Interval(UNBOUNDED, true, value, inclusive);
    }

    boolean isPoint() {
        return low != UNBOUNDED && high != UNBOUNDED && lowInclusive && highInclusive
                && IndexEntryType.compareValues(low, high) == 0;
    }

    /** The values in both, or nothing when they do not overlap. */
    Optional<Interval> intersect(Interval other) {
        int lows = compareLows(other);
        int highs = compareHighs(other);
        Interval lower = lows >= 0 ? this : other;
        Interval upper = highs <= 0 ? this : other;
        Interval both = new Interval(lower.low, lower.lowInclusive, upper.high, upper.highInclusive);
        return both.isEmpty() ? Optional.empty() : Optional.of(both);
    }

    /** Compares the low ends: the higher (more restrictive) low end is greater. */
    int compareLows(Interval other) {
        if (low == other.low && lowInclusive == other.lowInclusive) {
            return 0;
        }
        if (low == UNBOUNDED || other.low == UNBOUNDED) {
            return low == UNBOUNDED ? (other.low == UNBOUNDED ? 0 : -1) : 1;
        }
        int order = IndexEntryType.compareValues(low, other.low);
        if (order != 0) {
            return order;
        }
        return lowInclusive == other.lowInclusive ? 0 : (lowInclusive ? -1 : 1);
    }

    /** Compares the high ends: the lower (more restrictive) high end is smaller. */
    private int compareHighs(Interval other) {
        if (high == UNBOUNDED || other.high == UNBOUNDED) {
            return high == UNBOUNDED ? (other.high == UNBOUNDED ? 0 : 1) : -1;
        }
        int order = IndexEntryType.compareValues(high, other.high);
        if (order != 0) {
            return order;
        }
        return highInclusive == other.highInclusive ? 0 : (highInclusive ? 1 : -1);
    }

    private boolean isEmpty() {
        if (low == UNBOUNDED || high == UNBOUNDED) {
            return false;
        }
        int order = IndexEntryType.compareValues(low, high);
        return order > 0 || (order == 0 && !(lowInclusive && highInclusive));
    }
}
