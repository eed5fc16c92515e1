package news.storyline.mongoserver.index;

import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.Comparator;

/**
 * How an index's entries are ordered and stored in its H2 map.
 *
 * <p>The order is MongoDB's (the library's {@link ValueComparator}, the same one its sort and matcher use), per key
 * ascending or descending as the index was declared; the position slot is always ascending. Each value is stored
 * as a {@link StoredValue}.
 */
final class IndexEntryType extends BasicDataType<IndexEntry> {

    private static final Comparator<Object> ASCENDING = ValueComparator.ascWithoutListHandling();
    private static final int ENTRY_OVERHEAD_BYTES = 32;
    private static final int VALUE_ESTIMATE_BYTES = 48;
    private static final byte NULL_VALUE = 0;
    private static final byte PRESENT_VALUE = 1;

    private final boolean[] descending;
    private final StoredValue valueType = new StoredValue();

    /** @param descending for each key of the index, whether it is declared descending ({@code -1}) */
    IndexEntryType(boolean[] descending) {
        this.descending = descending.clone();
    }

    boolean[] descending() {
        return descending.clone();
    }

    @Override
    public int compare(IndexEntry a, IndexEntry b) {
        Object[] left = a.values();
        Object[] right = b.values();
        for (int slot = 0; slot < left.length; slot++) {
            Object l = left[slot];
            Object r = right[slot];
            if (l == r) {
                continue;
            }
            // The sentinels bound the index order itself, whichever way a key runs.
            if (l == IndexEntry.LOWEST || r == IndexEntry.HIGHEST) {
                return -1;
            }
            if (l == IndexEntry.HIGHEST || r == IndexEntry.LOWEST) {
                return 1;
            }
            boolean isPosition = slot == descending.length;
            int order = isPosition ? comparePositions(l, r) : compareValues(l, r);
            if (order != 0) {
                return !isPosition && descending[slot] ? -order : order;
            }
        }
        return 0;
    }

    /** Positions are ids in MongoDB's order, then {@link DocumentKey document ids} in their own. */
    static int comparePositions(Object left, Object right) {
        if (left instanceof DocumentKey leftKey && right instanceof DocumentKey rightKey) {
            return leftKey.compareTo(rightKey);
        }
        if (left instanceof DocumentKey || right instanceof DocumentKey) {
            return left instanceof DocumentKey ? 1 : -1;
        }
        return compareValues(left, right);
    }

    /** MongoDB's order of two field values, ascending. */
    static int compareValues(Object left, Object right) {
        return ASCENDING.compare(left, right);
    }

    @Override
    public int getMemory(IndexEntry entry) {
        return ENTRY_OVERHEAD_BYTES + VALUE_ESTIMATE_BYTES * entry.values().length;
    }

    @Override
    public void write(WriteBuffer buffer, IndexEntry entry) {
        buffer.putVarInt(entry.values().length);
        for (Object value : entry.values()) {
            if (value == null) {
                buffer.put(NULL_VALUE);
            } else {
                buffer.put(PRESENT_VALUE);
                valueType.write(buffer, value);
            }
        }
    }

    @Override
    public IndexEntry read(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        Object[] values = new Object[length];
        for (int slot = 0; slot < length; slot++) {
            values[slot] = buffer.get() == NULL_VALUE ? null : valueType.read(buffer);
        }
        return new IndexEntry(values);
    }

    @Override
    public IndexEntry[] createStorage(int size) {
        return new IndexEntry[size];
    }
}
