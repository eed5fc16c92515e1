package news.storyline.mongoserver.store;

import de.bwaldvogel.mongo.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store's slow-query log: a query that read many documents is logged with the index it used (or none), once a
 * minute per filter shape, so that a query the indexes do not serve shows up before it grows with the data.
 */
final class WastefulQueries {

    private static final Logger log = LoggerFactory.getLogger(WastefulQueries.class);
    static final int EXAMINED_WORTH_A_LINE = 1_000;
    private static final Duration QUIET_PER_SHAPE = Duration.ofMinutes(1);

    private final IndexedH2Collection collection;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();

    WastefulQueries(IndexedH2Collection collection) {
        this.collection = collection;
    }

    void report(Document filter, Document orderBy, Optional<String> indexes, long examined) {
        if (examined < EXAMINED_WORTH_A_LINE) {
            return;
        }
        String shape = shapeOf(filter) + " sort " + (orderBy == null ? "{}" : shapeOf(orderBy));
        Instant now = clock.instant();
        Instant previous = lastLogged.get(shape);
        if (previous != null && previous.plus(QUIET_PER_SHAPE).isAfter(now)) {
            return;
        }
        lastLogged.put(shape, now);
        log.info("{}: a query read {} documents through {}: {}", collection.getFullName(), examined,
                 indexes.map(names -> "index " + names).orElse("no index (a scan)"), shape);
    }

    /** The filter with every value replaced by its type: one line per kind of query, whatever it asks for. */
    private static String shapeOf(Document document) {
        Document shape = new Document();
        document.forEach((key, value) -> shape.put(key, value instanceof Document inner ? shapeOf(inner)
                : value == null ? "null" : value.getClass().getSimpleName()));
        return shape.toString();
    }
}
