package news.storyline.mongoserver.index;

import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * How one index answers one query: the ranges of its entries to read, in the index's order (or backwards), and
 * whether reading them so already gives the order the query asks for, in which case the reader may stop after
 * skip + limit matches.
 *
 * <p>The ranges are the product of the values the filter allows for the index's leading keys: keys that allow
 * only points ({@code $eq}, {@code $in}), then at most one key that allows ranges. Enumerated in index order, that
 * product reads the entries in index order.
 */
public final class IndexScan {

    /** Beyond this many points (an {@code $in} across several keys), the index is read by its first key only. */
    private static final int MAX_RANGES = 10_000;

    private final SortedIndex index;
    private final List<IndexEntry[]> ranges;
    private final int pointKeys;
    private final boolean rangeKey;
    private final boolean servesSort;
    private final boolean eachRangeServesSort;
    private final boolean reverse;

    private IndexScan(SortedIndex index, List<IndexEntry[]> ranges, int pointKeys, boolean rangeKey,
                      boolean servesSort, boolean eachRangeServesSort, boolean reverse) {
        this.index = index;
        this.ranges = ranges;
        this.pointKeys = pointKeys;
        this.rangeKey = rangeKey;
        this.servesSort = servesSort;
        this.eachRangeServesSort = eachRangeServesSort;
        this.reverse = reverse;
    }

    static Optional<IndexScan> plan(SortedIndex index, QueryConstraints constraints, Document orderBy) {
        List<String> fields = index.fields();
        List<List<Object>> prefixes = List.of(List.of());
        List<IntervalSet> allowedByKey = new ArrayList<>();
        IntervalSet rangeSet = null;
        for (String field : fields) {
            Optional<IntervalSet> allowed = constraints.allowed(field, !index.isMultikey(allowedByKey.size()));
            if (allowed.isEmpty()) {
                break;
            }
            IntervalSet set = allowed.get();
            int key = allowedByKey.size();
            if (set.isAllPoints() && (long) prefixes.size() * set.intervals().size() <= MAX_RANGES) {
                prefixes = IndexKeys.product(prefixes, pointsInIndexOrder(set, index.isDescending(key)));
                allowedByKey.add(set);
            } else {
                rangeSet = set;
                break;
            }
        }
        Optional<Boolean> sortDirection = sortDirection(index, allowedByKey, orderBy);
        boolean constrained = !allowedByKey.isEmpty() || rangeSet != null;
        if (!constrained && (sortDirection.isEmpty() || isUnordered(orderBy) || index.isMultikey())) {
            return Optional.empty(); // reading the whole index in its order helps only a sort it serves
        }
        // Several points ($in) on the leading keys read one range per combination; with no range key after them,
        // each range alone comes in the sort's order when the keys after the points give it, and the ranges can be
        // merged (a source's stories under each of its names, newest first).
        Optional<Boolean> eachRangeDirection = sortDirection.isPresent() || rangeSet != null ? Optional.empty()
                : sortDirection(index, allowedByKey.stream().map(any -> IntervalSet.of(Interval.point(any))).toList(),
                                orderBy);
        List<IndexEntry[]> ranges = ranges(index, prefixes, rangeSet);
        return Optional.of(new IndexScan(index, ranges, allowedByKey.size(), rangeSet != null,
                                         sortDirection.isPresent(), eachRangeDirection.isPresent(),
                                         sortDirection.or(() -> eachRangeDirection).orElse(false)));
    }

    /** Whether reading the entries gives the query's order: forward (false), backward (true), or neither. */
    private static Optional<Boolean> sortDirection(SortedIndex index, List<IntervalSet> pointKeys, Document orderBy) {
        if (isUnordered(orderBy)) {
            return Optional.of(false);
        }
        if (orderBy.containsKey("$natural")) {
            return Optional.empty();
        }
        List<String> fields = index.fields();
        Boolean backward = null;
        int key = 0;
        for (Map.Entry<String, Object> sortKey : orderBy.entrySet()) {
            // A key held to one value by the filter does not change the order: skip it.
            while (key < fields.size() && !fields.get(key).equals(sortKey.getKey())
                    && key < pointKeys.size() && pointKeys.get(key).isSinglePoint()) {
                key++;
            }
            if (key >= fields.size() || !fields.get(key).equals(sortKey.getKey())) {
                boolean heldToOneValue = pointKeyHeldToOneValue(fields, pointKeys, sortKey.getKey());
                if (heldToOneValue) {
                    continue;
                }
                return Optional.empty();
            }
            if (index.isMultikey(key)) {
                return Optional.empty(); // an array sorts by one of its elements, which the entries do not say
            }
            boolean sortDescending = ((Number) sortKey.getValue()).intValue() < 0;
            boolean thisBackward = sortDescending != index.isDescending(key);
            if (backward != null && backward != thisBackward) {
                return Optional.empty();
            }
            backward = thisBackward;
            key++;
        }
        return Optional.of(backward != null && backward);
    }

    private static boolean pointKeyHeldToOneValue(List<String> fields, List<IntervalSet> pointKeys, String field) {
        int key = fields.indexOf(field);
        return key >= 0 && key < pointKeys.size() && pointKeys.get(key).isSinglePoint();
    }

    private static boolean isUnordered(Document orderBy) {
        return orderBy == null || orderBy.isEmpty();
    }

    private static List<Object> pointsInIndexOrder(IntervalSet set, boolean descending) {
        List<Object> points = new ArrayList<>(set.intervals().stream().map(Interval::low).toList());
        if (descending) {
            Collections.reverse(points);
        }
        return points;
    }

    /** Each prefix of points, times each interval of the range key if there is one, as [from, to] in index order. */
    private static List<IndexEntry[]> ranges(SortedIndex index, List<List<Object>> prefixes, IntervalSet rangeSet) {
        int slots = index.fields().size() + 1; // the keys, then the position
        List<IndexEntry[]> ranges = new ArrayList<>();
        for (List<Object> prefix : prefixes) {
            if (rangeSet == null) {
                ranges.add(new IndexEntry[]{
                        padded(prefix, slots, IndexEntry.LOWEST), padded(prefix, slots, IndexEntry.HIGHEST)});
                continue;
            }
            boolean descending = index.isDescending(prefix.size());
            List<Interval> intervals = new ArrayList<>(rangeSet.intervals());
            if (descending) {
                Collections.reverse(intervals);
            }
            for (Interval interval : intervals) {
                IndexEntry lowEnd = end(prefix, slots, interval.low(), interval.lowInclusive(), true, descending);
                IndexEntry highEnd = end(prefix, slots, interval.high(), interval.highInclusive(), false, descending);
                ranges.add(descending ? new IndexEntry[]{highEnd, lowEnd} : new IndexEntry[]{lowEnd, highEnd});
            }
        }
        return ranges;
    }

    /**
     * One end of an interval as a bound in index order. The low end of a value range comes first in an ascending
     * key and last in a descending one; an inclusive end is padded so that entries with that value fall inside.
     */
    private static IndexEntry end(List<Object> prefix, int slots, Object value, boolean inclusive, boolean lowEnd,
                                  boolean descending) {
        boolean firstInIndexOrder = lowEnd != descending;
        List<Object> values = new ArrayList<>(prefix);
        if (value == Interval.UNBOUNDED) {
            return padded(values, slots, firstInIndexOrder ? IndexEntry.LOWEST : IndexEntry.HIGHEST);
        }
        values.add(value);
        boolean padLow = firstInIndexOrder == inclusive;
        return padded(values, slots, padLow ? IndexEntry.LOWEST : IndexEntry.HIGHEST);
    }

    private static IndexEntry padded(List<Object> values, int slots, Object sentinel) {
        Object[] all = new Object[slots];
        for (int slot = 0; slot < slots; slot++) {
            all[slot] = slot < values.size() ? values.get(slot) : sentinel;
        }
        return new IndexEntry(all);
    }

    /** How much of the filter the index takes on: points on more keys first, then a range, then the sort. */
    public int selectivity() {
        return pointKeys * 10 + (rangeKey ? 5 : 0) + (servesSort || eachRangeServesSort ? 3 : 0)
                + (index.isUnique() && pointKeys == index.fields().size() ? 100 : 0);
    }

    /** Whether the filter bounds the read (else it reads the whole index, for its order). */
    public boolean isBounded() {
        return pointKeys > 0 || rangeKey;
    }

    /** Whether the positions come in the order the query asked for (so the reader may stop at its limit). */
    public boolean servesSort() {
        return servesSort;
    }

    public SortedIndex index() {
        return index;
    }

    /**
     * Whether each of the scan's {@link #positionsByRange() ranges} comes in the order the query asked for, though
     * the ranges one after another do not: merged, they serve the sort.
     */
    public boolean eachRangeServesSort() {
        return eachRangeServesSort;
    }

    /** The positions of each range, in the order of the scan (a position may come in more than one range). */
    public List<Stream<Object>> positionsByRange() {
        return rangesInScanOrder().stream().map(this::positionsIn).toList();
    }

    /** The documents' positions, each once, in the order of the scan. */
    public Stream<Object> positions() {
        Stream<Object> positions = rangesInScanOrder().stream().flatMap(this::positionsIn);
        if (index.isMultikey()) {
            Set<Object> seen = new HashSet<>();
            positions = positions.filter(seen::add);
        }
        return positions;
    }

    private List<IndexEntry[]> rangesInScanOrder() {
        List<IndexEntry[]> inOrder = new ArrayList<>(ranges);
        if (reverse) {
            Collections.reverse(inOrder);
        }
        return inOrder;
    }

    private Stream<Object> positionsIn(IndexEntry[] range) {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(index.entries(range[0], range[1], reverse), Spliterator.ORDERED),
                false).map(IndexEntry::position);
    }
}
