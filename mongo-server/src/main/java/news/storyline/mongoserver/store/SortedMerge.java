package news.storyline.mongoserver.store;

import de.bwaldvogel.mongo.bson.Document;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Merges reads that each come in one order into one read in that order, lazily, each document once (a document
 * two branches of an {@code $or} both find comes from the first to reach it).
 */
final class SortedMerge implements Iterator<Document> {

    private record Head(Object position, Document document, Iterator<Object> rest) {
    }

    private final PriorityQueue<Head> heads;
    private final Function<Object, Document> read;
    private final Set<Object> given = new HashSet<>();
    private Head next;

    private SortedMerge(List<Stream<Object>> reads, Function<Object, Document> read, Comparator<Document> order) {
        this.read = read;
        this.heads = new PriorityQueue<>(Math.max(1, reads.size()), Comparator.comparing(Head::document, order));
        reads.forEach(positions -> advance(positions.iterator()));
    }

    static Stream<Document> of(List<Stream<Object>> reads, Function<Object, Document> read,
                               Comparator<Document> order) {
        SortedMerge merge = new SortedMerge(reads, read, order);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(merge, Spliterator.ORDERED), false);
    }

    @Override
    public boolean hasNext() {
        while (next == null && !heads.isEmpty()) {
            Head head = heads.poll();
            advance(head.rest());
            if (given.add(head.position())) {
                next = head;
            }
        }
        return next != null;
    }

    @Override
    public Document next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Document document = next.document();
        next = null;
        return document;
    }

    private void advance(Iterator<Object> positions) {
        if (positions.hasNext()) {
            Object position = positions.next();
            heads.add(new Head(position, read.apply(position), positions));
        }
    }
}
