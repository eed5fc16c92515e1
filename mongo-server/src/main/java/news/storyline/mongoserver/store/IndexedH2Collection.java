package news.storyline.mongoserver.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import news.storyline.mongoserver.index.DocumentKey;
import news.storyline.mongoserver.index.IndexScan;
import news.storyline.mongoserver.index.QueryConstraints;
import news.storyline.mongoserver.index.SortedIndex;
import org.h2.mvstore.MVMap;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * A collection that answers queries through its {@link SortedIndex indexes} and never changes a stored document.
 *
 * <p>Planning: each index says how it would answer the filter and sort ({@link IndexScan}); the one that takes on
 * most of them is read, and when it already gives the sort's order the read stops after skip + limit matches.
 * Without a useful index the collection is scanned, as the library does.
 *
 * <p>Copies: the library updates the stored document objects in place, while replies that hold them are encoded
 * after the collection's lock is released: a reply could show another writer's later change (two {@code $inc}
 * callers of {@code findAndModify} were both told the second value). Here an update works on a copy and stores
 * it in place of the original, so a stored document is never changed once stored and readers may be handed it
 * as it is.
 */
final class IndexedH2Collection extends H2Collection {

    private static final Document EVERY_DOCUMENT = new Document();
    /** In {@code collStats}: how many stored documents queries have read, to show what an index saves. */
    static final String DOCUMENTS_EXAMINED = "documentsExamined";

    /** In the collection's metadata once every document is kept under {@link #positionOf its position}. */
    private static final String POSITIONS_FORMAT = "positions";
    private static final int DOCUMENT_IDS_AS_KEYS = 1;

    private final LongAdder documentsExamined = new LongAdder();
    private final MVMap<Object, Document> dataMap;
    /** Set, under the collection's lock, while an update looks for the documents it will change. */
    private boolean findingDocumentsToChange;
    private final WastefulQueries wastefulQueries = new WastefulQueries(this);

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.dataMap = dataMap;
        if (!Integer.valueOf(DOCUMENT_IDS_AS_KEYS).equals(metaMap.get(POSITIONS_FORMAT))) {
            rekeyDocumentIds();
            metaMap.put(POSITIONS_FORMAT, DOCUMENT_IDS_AS_KEYS);
        }
    }

    /**
     * Where a document is kept: its id, as the library keeps it, unless the id is a document
     * ({@link DocumentKey}).
     */
    Object positionOf(Document document) {
        return Missing.ofNullable(DocumentKey.positionFor(Utils.getSubdocumentValue(document, getIdField())));
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        if (getIdField() == null) {
            return super.addDocumentInternal(document); // system collections: the library keys them by a UUID
        }
        Object position = positionOf(document);
        Document previous = dataMap.putIfAbsent(position, document);
        if (previous != null) {
            throw new IllegalStateException("a document is already kept at " + position + " in " + this);
        }
        return position;
    }

    /** A file written by the library keeps documents with a document as id under that id: move them once. */
    private void rekeyDocumentIds() {
        if (getIdField() == null) {
            return;
        }
        dataMap.keySet().stream().filter(Document.class::isInstance).toList().forEach(key -> {
            Document document = dataMap.remove(key);
            dataMap.put(positionOf(document), document);
        });
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Optional<QueryPlan> plan = plan(query, orderBy);
        Stream<Document> candidates = plan.map(found -> found.documents(this::getDocument, deriveComparator(orderBy)))
                                          .orElseGet(() -> everyDocument(orderBy));
        Stream<Document> matches = candidates.peek(document -> documentsExamined.increment())
                                             .filter(document -> documentMatchesQuery(document, query));
        if (findingDocumentsToChange) {
            matches = matches.map(Document::cloneDeeply);
        }
        Comparator<Document> order = plan.filter(QueryPlan::servesSort).isPresent() ? null : deriveComparator(orderBy);
        long examinedBefore = documentsExamined.sum();
        QueryResult result = matchDocumentsFromStream(EVERY_DOCUMENT, matches, numberToSkip, limit, batchSize, order,
                                                      fieldSelector);
        wastefulQueries.report(query, orderBy, plan.map(QueryPlan::indexes), documentsExamined.sum() - examinedBefore);
        return result;
    }

    /**
     * The index that takes on most of the filter and sort; when none bounds the read and the filter is an
     * {@code $or}, the union of one bounded index read per branch, as MongoDB plans it; else none (a scan).
     */
    private Optional<QueryPlan> plan(Document query, Document orderBy) {
        Optional<QueryPlan> byId = exactDocumentId(query).map(this::documentAt);
        if (byId.isPresent()) {
            return byId;
        }
        Optional<IndexScan> single = bestScan(query, orderBy);
        if (single.filter(IndexScan::isBounded).isPresent()) {
            return single.map(QueryPlan::of);
        }
        return Disjunction.in(query)
                          .flatMap(disjunction -> QueryPlan.union(disjunction.branchQueries().stream()
                                  .map(branch -> bestScan(branch, orderBy).filter(IndexScan::isBounded)).toList()))
                          .or(() -> single.map(QueryPlan::of));
    }

    /**
     * A document id (as idempotency records have) is kept as its {@link DocumentKey}, which no index holds: the one
     * place to look is that key. Without this, each lookup of such an id read the whole collection.
     */
    private QueryPlan documentAt(Document id) {
        Object position = DocumentKey.positionFor(id);
        return QueryPlan.at(() -> dataMap.containsKey(position) ? Stream.of(position) : Stream.empty(), "_id");
    }

    /** The id the query asks for with an exact document, at its top level or in one of its {@code $and} clauses. */
    private Optional<Document> exactDocumentId(Document query) {
        if (getIdField() != null && query.get(getIdField()) instanceof Document id && id.keySet().stream().noneMatch(key -> key.startsWith("$"))) {
            return Optional.of(id);
        }
        if (query.get("$and") instanceof Collection<?> clauses) {
            return clauses.stream().filter(Document.class::isInstance)
                          .map(clause -> exactDocumentId((Document) clause))
                          .flatMap(Optional::stream)
                          .findFirst();
        }
        return Optional.empty();
    }

    private Optional<IndexScan> bestScan(Document query, Document orderBy) {
        QueryConstraints constraints = QueryConstraints.of(query);
        return getIndexes().stream()
                           .filter(SortedIndex.class::isInstance)
                           .map(index -> ((SortedIndex) index).plan(constraints, orderBy))
                           .flatMap(Optional::stream)
                           .max(Comparator.comparingInt(IndexScan::selectivity));
    }

    private Stream<Document> everyDocument(Document orderBy) {
        Stream<DocumentWithPosition<Object>> all = streamAllDocumentsWithPosition();
        if (isNaturalDescending(orderBy)) {
            all = all.sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()));
        }
        return all.map(DocumentWithPosition::getDocument);
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        return whileFindingDocumentsToChange(() -> super.findAndModify(query));
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        return whileFindingDocumentsToChange(
                () -> super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog));
    }

    private <T> T whileFindingDocumentsToChange(Supplier<T> change) {
        findingDocumentsToChange = true;
        try {
            return change.get();
        } finally {
            findingDocumentsToChange = false;
        }
    }

    @Override
    public synchronized Document getStats() {
        Document stats = super.getStats();
        stats.put(DOCUMENTS_EXAMINED, documentsExamined.sum());
        return stats;
    }

    @Override
    public synchronized void addIndex(Index<Object> index) {
        super.addIndex(index);
    }

    @Override
    public synchronized void dropIndex(String indexName) {
        super.dropIndex(indexName);
    }
}
