package news.storyline.mongoserver.index;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The key values a document gives an index, as MongoDB builds them: one tuple per combination of array elements
 * (a multikey index), an empty array indexed as null so that the document is still found, and values normalised
 * as the library's matcher compares them (every number that a double can hold as a double, so 5, 5L and 5.0 are
 * one key).
 */
final class IndexKeys {

    /** No document of Storyline comes near it; it stops a document of crossed arrays from flooding an index. */
    private static final int MAX_KEYS_PER_DOCUMENT = 10_000;

    private IndexKeys() {
    }

    /** The tuples, and for each key whether its values came from an array. */
    record Extracted(Set<List<Object>> tuples, boolean[] fromArray) {
    }

    static Extracted of(Document document, List<String> fields) {
        List<List<Object>> tuples = new ArrayList<>();
        tuples.add(new ArrayList<>(fields.size()));
        boolean[] fromArray = new boolean[fields.size()];
        for (int key = 0; key < fields.size(); key++) {
            String field = fields.get(key);
            Object value = Utils.getSubdocumentValueCollectionAware(document, field);
            List<Object> choices;
            if (value instanceof Collection<?> elements) {
                fromArray[key] = true;
                choices = elements.isEmpty() ? nullOnly() : elements.stream().map(IndexKeys::normalized).distinct().toList();
            } else {
                choices = single(normalized(value));
            }
            if (tuples.size() * (long) choices.size() > MAX_KEYS_PER_DOCUMENT) {
                throw new IllegalArgumentException("a document would give an index more than " + MAX_KEYS_PER_DOCUMENT
                                                           + " keys");
            }
            tuples = product(tuples, choices);
        }
        return new Extracted(new LinkedHashSet<>(tuples), fromArray);
    }

    private static List<Object> nullOnly() {
        return single(null);
    }

    /** A list of one value that may be null, which {@code List.of} refuses. */
    private static List<Object> single(Object value) {
        List<Object> only = new ArrayList<>(1);
        only.add(value);
        return only;
    }

    /** Each prefix followed by each choice, in that order: prefixes outside, choices inside. */
    static List<List<Object>> product(List<List<Object>> prefixes, List<Object> choices) {
        List<List<Object>> result = new ArrayList<>(prefixes.size() * choices.size());
        for (List<Object> prefix : prefixes) {
            for (Object choice : choices) {
                List<Object> tuple = new ArrayList<>(prefix);
                tuple.add(choice);
                result.add(tuple);
            }
        }
        return result;
    }

    /** The library's normalisation of a value (its own is not public): numbers, and inside documents and arrays. */
    static Object normalized(Object value) {
        if (Missing.isNullOrMissing(value)) {
            return null;
        }
        if (value instanceof Long number && number != (long) number.doubleValue()) {
            return value;
        }
        if (value instanceof Number number) {
            double asDouble = number.doubleValue();
            return asDouble == -0.0 ? 0.0 : asDouble;
        }
        if (value instanceof Map<?, ?> map) {
            Document result = new Document();
            map.forEach((key, inner) -> result.put((String) key, normalized(inner)));
            return result;
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(IndexKeys::normalized).toList();
        }
        return value;
    }
}
