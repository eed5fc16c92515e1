package news.storyline.mongoserver.index;

import java.util.Arrays;

/**
 * One key of a {@link SortedIndex}: the indexed values of a document, in the index's key order, followed by the
 * document's position. Ending with the position makes every entry unique, so a non-unique index is an ordered
 * set, and documents with equal values are kept in position order.
 *
 * <p>Bounds used to search the index may hold {@link #LOWEST} or {@link #HIGHEST} in any slot; stored entries
 * never do.
 */
public record IndexEntry(Object[] values) {

    /** Sorts before every value: pads a lower bound. */
    public static final Object LOWEST = new Object() {
        @Override
        public String toString() {
            return "LOWEST";
        }
    };

    /** Sorts after every value: pads an upper bound. */
    public static final Object HIGHEST = new Object() {
        @Override
        public String toString() {
            return "HIGHEST";
        }
    };

    static IndexEntry of(Object[] keyValues, Object position) {
        Object[] values = Arrays.copyOf(keyValues, keyValues.length + 1);
        values[keyValues.length] = position;
        return new IndexEntry(values);
    }

    /** The document position, the last slot. */
    Object position() {
        return values[values.length - 1];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndexEntry entry && Arrays.equals(values, entry.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
