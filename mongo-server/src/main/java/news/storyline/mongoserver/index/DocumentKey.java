package news.storyline.mongoserver.index;

import de.bwaldvogel.mongo.bson.ObjectId;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a document whose {@code _id} is itself a document is kept: a canonical text of that id.
 *
 * <p>H2 orders keys it does not know by their Java serialization, and a map's serialized form records its
 * capacity, which differs between the id a client sent and the same id read back from the file: such a document
 * could be stored and never found again. Equal ids (as MongoDB compares them: numbers by value) give equal texts;
 * each value carries its type, so {@code {t: "1"}} and {@code {t: 1}} stay apart.
 */
public record DocumentKey(String canonical) implements Serializable, Comparable<DocumentKey> {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The position for an id: the id itself, unless it is a document. */
    public static Object positionFor(Object id) {
        return id instanceof Map<?, ?> ? new DocumentKey(canonical(id)) : id;
    }

    @Override
    public int compareTo(DocumentKey other) {
        return canonical.compareTo(other.canonical);
    }

    private static String canonical(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                      .map(entry -> quoted(String.valueOf(entry.getKey())) + ":" + canonical(entry.getValue()))
                      .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(DocumentKey::canonical).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Long number && number != (long) number.doubleValue()) {
            return "n" + number;
        }
        if (value instanceof Number number) {
            return "n" + (number.doubleValue() == -0.0 ? 0.0 : number.doubleValue());
        }
        if (value instanceof String text) {
            return "s" + quoted(text);
        }
        if (value instanceof Boolean || value instanceof Instant || value instanceof ObjectId) {
            return value.getClass().getSimpleName() + ":" + value;
        }
        return value.getClass().getName() + ":" + value;
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
