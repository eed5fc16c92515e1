package news.storyline.brief.rebuild;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import static com.mongodb.client.model.Filters.eq;

/**
 * Which generation of the read models readers and processors use. A rebuild fills the next generation beside
 * the current one (blue/green) and then makes it current. The current generation is kept in MongoDB so that every
 * instance of brief-service switches; each instance looks again at most every {@code refresh}. A rebuild's own
 * thread works on its generation whatever is current ({@link #on(long, Supplier)}).
 */
public class ReadModelGenerations {

    static final long FIRST = 1;
    private static final String CURRENT = "current";

    private final MongoCollection<Document> generations;
    private final Duration refresh;
    private final Clock clock;
    /** The generation the calling thread works on whatever is current, while it is set. */
    private final ThreadLocal<Long> pinned = new ThreadLocal<>();
    private volatile long current = FIRST;
    private volatile Instant lookedAt = Instant.MIN;

    public ReadModelGenerations(MongoDatabase database, Duration refresh, Clock clock) {
        this.generations = database.getCollection("read_model_generations");
        this.refresh = refresh;
        this.clock = clock;
    }

    /** The generation the calling thread reads and writes. */
    public long active() {
        Long own = pinned.get();
        return own != null ? own : current();
    }

    public long current() {
        Instant now = clock.instant();
        if (now.isAfter(lookedAt.plus(refresh))) {
            Document stored = generations.find(eq("_id", CURRENT)).first();
            current = stored == null ? FIRST : stored.get("generation", Number.class).longValue();
            lookedAt = now;
        }
        return current;
    }

    /** Makes {@code generation} current, here at once and elsewhere within {@code refresh}. */
    void switchTo(long generation) {
        generations.replaceOne(eq("_id", CURRENT), new Document("_id", CURRENT).append("generation", generation)
                                                                              .append("since", clock.instant().toString()),
                               new ReplaceOptions().upsert(true));
        current = generation;
        lookedAt = clock.instant();
    }

    Duration refresh() {
        return refresh;
    }

    /** Runs {@code work} on this thread with {@code generation} as its read models. */
    <T> T on(long generation, Supplier<T> work) {
        pinned.set(generation);
        try {
            return work.get();
        } finally {
            pinned.remove();
        }
    }

    /**
     * Runs one event's handling by a live processor on the generation current when it begins. A switch in the
     * middle would send its first writes to one generation and its last to the other: a story read in the old one,
     * its thread's summary changed in the new one, where the replay then changes it again.
     */
    public <T> T pinnedWhile(Callable<T> handling) throws Exception {
        if (pinned.get() != null) {
            return handling.call();
        }
        pinned.set(current());
        try {
            return handling.call();
        } finally {
            pinned.remove();
        }
    }

    /** The name a read model's collection has in a generation; the first keeps the plain name. */
    static String collectionName(String readModel, long generation) {
        return generation == FIRST ? readModel : readModel + "__g" + generation;
    }
}
