package news.storyline.mongoserver.store;

import de.bwaldvogel.mongo.bson.Document;
import news.storyline.mongoserver.index.IndexScan;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a query's documents are read from: one index, one known place, or one index per branch of an {@code $or}.
 *
 * @param reads      opens the reads, each giving positions in its index's order; nothing is read before
 *                   {@link #documents} asks
 * @param servesSort whether the documents come in the order the query asks for: one index read in that order, or
 *                   reads that each are, merged
 */
record QueryPlan(Supplier<List<Stream<Object>>> reads, boolean servesSort, String indexes) {

    static QueryPlan of(IndexScan scan) {
        return new QueryPlan(() -> readsOf(scan), scan.servesSort() || scan.eachRangeServesSort(),
                             scan.index().getName());
    }

    /** The one place a document would be, if it is anywhere. */
    static QueryPlan at(Supplier<Stream<Object>> place, String name) {
        return new QueryPlan(() -> List.of(place.get()), false, name);
    }

    /**
     * Every branch read through its index, each document once; nothing when a branch has no index to read. When each
     * branch's index gives the query's order, the branches are merged in it, so that a page of the newest reads about
     * a page from each branch rather than every document of all of them.
     */
    static Optional<QueryPlan> union(List<Optional<IndexScan>> branches) {
        if (branches.isEmpty() || branches.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        List<IndexScan> scans = branches.stream().map(Optional::orElseThrow).toList();
        String names = scans.stream().map(scan -> scan.index().getName()).collect(Collectors.joining(" or "));
        return Optional.of(new QueryPlan(() -> scans.stream().flatMap(scan -> readsOf(scan).stream()).toList(),
                                         scans.stream().allMatch(scan -> scan.servesSort()
                                                                         || scan.eachRangeServesSort()), names));
    }

    /** A scan read whole, or range by range when only its ranges each come in the query's order (to be merged). */
    private static List<Stream<Object>> readsOf(IndexScan scan) {
        if (scan.servesSort() || !scan.eachRangeServesSort()) {
            return List.of(scan.positions());
        }
        return scan.positionsByRange();
    }

    /** The documents to match, each once, in the query's order if the plan {@link #servesSort serves it}. */
    Stream<Document> documents(Function<Object, Document> read, Comparator<Document> order) {
        List<Stream<Object>> opened = reads.get();
        if (opened.size() == 1) {
            return opened.get(0).map(read);
        }
        if (servesSort && order != null) {
            return SortedMerge.of(opened, read, order);
        }
        Set<Object> seen = new HashSet<>();
        return opened.stream().flatMap(positions -> positions).filter(seen::add).map(read);
    }
}
