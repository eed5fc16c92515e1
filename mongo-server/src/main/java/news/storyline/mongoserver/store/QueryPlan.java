package news.storyline.mongoserver.store;

import news.storyline.mongoserver.index.IndexScan;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where a query's documents are read from: one index, or one per branch of an {@code $or}. */
record QueryPlan(Supplier<Stream<Object>> positionReader, boolean servesSort, String indexes) {

    static QueryPlan of(IndexScan scan) {
        return new QueryPlan(scan::positions, scan.servesSort(), scan.index().getName());
    }

    /** Every branch read through its index, each document once; nothing when a branch has no index to read. */
    static Optional<QueryPlan> union(List<Optional<IndexScan>> branches) {
        if (branches.isEmpty() || branches.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        List<IndexScan> scans = branches.stream().map(Optional::orElseThrow).toList();
        Supplier<Stream<Object>> positions = () -> {
            Set<Object> seen = new HashSet<>();
            return scans.stream().flatMap(IndexScan::positions).filter(seen::add);
        };
        String names = scans.stream().map(scan -> scan.index().getName()).collect(Collectors.joining(" or "));
        return Optional.of(new QueryPlan(positions, false, names));
    }

    Stream<Object> positions() {
        return positionReader.get();
    }
}
