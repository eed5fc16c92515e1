package news.storyline.mongoserver.index;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import org.h2.mvstore.MVMap;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A MongoDB index kept in the data file, beside the collection it indexes: an ordered set of
 * {@link IndexEntry entries} in an H2 map, so that equality on a prefix of its keys, ranges, {@code $in} and a sort
 * in its order are answered by reading the entries in range, not the whole collection. Unique or not.
 *
 * <p>Every document is indexed, also one that lacks the keys (as null) or has an empty array there (as null too),
 * so that the index always holds every document a query on its keys can match, sparse or not; sparseness only
 * lets a unique index accept many documents that lack all its keys. The index and the documents are written to
 * the same store, so a crash takes both back to the same commit.
 *
 * <p>Like every other method of a collection, these run under the collection's lock.
 */
public final class SortedIndex extends Index<Object> {

    /** Per key ("multikey.0", ...); a plain "multikey" was written by an earlier version for the whole index. */
    private static final String MULTIKEY = "multikey";

    private final IndexMaps maps;
    private final MVMap<IndexEntry, Boolean> entries;
    private final MVMap<String, Object> properties;
    private final List<String> fields;
    private final boolean[] descending;
    private final boolean unique;
    private final Function<Document, Object> positionOf;
    private final boolean[] multikey;

    private SortedIndex(String name, List<IndexKey> keys, boolean sparse, boolean unique, IndexMaps maps,
                        String mapName, Function<Document, Object> positionOf) {
        super(name, keys, sparse);
        this.maps = maps;
        this.unique = unique;
        this.positionOf = positionOf;
        this.fields = keys.stream().map(IndexKey::getKey).toList();
        this.descending = new boolean[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            descending[i] = !keys.get(i).isAscending();
        }
        this.entries = maps.open(mapName, new IndexEntryType(descending));
        this.properties = maps.open(mapName + ".properties", null);
        this.multikey = new boolean[keys.size()];
        boolean wholeIndexMultikey = Boolean.TRUE.equals(properties.get(MULTIKEY));
        for (int key = 0; key < keys.size(); key++) {
            multikey[key] = wholeIndexMultikey || Boolean.TRUE.equals(properties.get(MULTIKEY + "." + key));
        }
    }

    /**
     * Opens the index kept in {@code mapName}, or creates it empty (the collection then adds every document).
     *
     * @param positionOf where the collection keeps a document, from the document
     */
    public static SortedIndex open(IndexMaps maps, String mapName, String name, List<IndexKey> keys, boolean sparse,
                                   boolean unique, Function<Document, Object> positionOf) {
        return new SortedIndex(name, keys, sparse, unique, maps, mapName, positionOf);
    }

    List<String> fields() {
        return fields;
    }

    boolean isDescending(int key) {
        return descending[key];
    }

    /**
     * Whether some document had an array under this key: its entries there neither give a sort nor may their
     * constraints be intersected, and a scan that does not hold it to one value meets a document more than once.
     */
    boolean isMultikey(int key) {
        return multikey[key];
    }

    /** Whether some document had an array under any key: reading the whole index does not meet every document. */
    boolean isMultikey() {
        for (boolean fromArray : multikey) {
            if (fromArray) {
                return true;
            }
        }
        return false;
    }

    /** How this index would answer a query with this filter and sort, if it can help at all. */
    public Optional<IndexScan> plan(QueryConstraints constraints, Document orderBy) {
        return IndexScan.plan(this, constraints, orderBy);
    }

    Iterator<IndexEntry> entries(IndexEntry from, IndexEntry to, boolean reverse) {
        return reverse ? entries.cursor(to, from, true) : entries.cursor(from, to, false);
    }

    @Override
    public boolean isUnique() {
        return unique;
    }

    @Override
    public Object getPosition(Document document) {
        return positionOf.apply(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        checkUnique(document, null, collection);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        IndexKeys.Extracted keys = IndexKeys.of(document, fields);
        for (List<Object> tuple : keys.tuples()) {
            entries.put(IndexEntry.of(tuple.toArray(), position), Boolean.TRUE);
        }
        for (int key = 0; key < multikey.length; key++) {
            if (keys.fromArray()[key] && !multikey[key]) {
                multikey[key] = true;
                properties.put(MULTIKEY + "." + key, Boolean.TRUE);
            }
        }
    }

    @Override
    public Object remove(Document document) {
        Object position = positionOf.apply(document);
        boolean removed = false;
        for (List<Object> tuple : IndexKeys.of(document, fields).tuples()) {
            removed |= entries.remove(IndexEntry.of(tuple.toArray(), position)) != null;
        }
        return removed ? position : null;
    }

    @Override
    public boolean canHandle(Document query) {
        return plan(QueryConstraints.of(query), null).isPresent();
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        IndexScan scan = plan(QueryConstraints.of(query), null)
                .orElseThrow(() -> new IllegalArgumentException(this + " cannot answer " + query));
        return () -> scan.positions().iterator();
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        checkUnique(newDocument, positionOf.apply(oldDocument), collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        Set<List<Object>> before = IndexKeys.of(oldDocument, fields).tuples();
        if (before.equals(IndexKeys.of(newDocument, fields).tuples())) {
            return;
        }
        for (List<Object> tuple : before) {
            entries.remove(IndexEntry.of(tuple.toArray(), position));
        }
        add(newDocument, position, collection);
    }

    @Override
    public void drop() {
        maps.drop(entries);
        maps.drop(properties);
    }

    /** Refuses a document whose keys another document (any but {@code ownPosition}) already has. */
    private void checkUnique(Document document, Object ownPosition, MongoCollection<Object> collection) {
        if (!unique || (isSparse() && lacksAllKeys(document))) {
            return;
        }
        for (List<Object> tuple : IndexKeys.of(document, fields).tuples()) {
            Object[] values = tuple.toArray();
            Iterator<IndexEntry> holders = entries(IndexEntry.of(values, IndexEntry.LOWEST),
                                                   IndexEntry.of(values, IndexEntry.HIGHEST), false);
            while (holders.hasNext()) {
                if (ownPosition == null || IndexEntryType.comparePositions(holders.next().position(), ownPosition) != 0) {
                    throw new DuplicateKeyError(this, collection, getKeys(), new KeyValue(tuple));
                }
            }
        }
    }

    private boolean lacksAllKeys(Document document) {
        return fields.stream().allMatch(field -> Utils.getSubdocumentValueCollectionAware(document, field) instanceof Missing);
    }
}
