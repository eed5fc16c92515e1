package news.storyline.mongoserver.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The library's H2 backend with {@link IndexedH2Database databases whose indexes are real}, whose answers wait
 * until what they tell is on disk ({@link GroupCommit}).
 */
public final class IndexedH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(IndexedH2Backend.class);

    /**
     * H2's page cache, in MiB (its default is 16). The upper levels of every index and the pages of recent events
     * are read again and again; a cache that holds them spares reading and decoding them from the file.
     */
    static final int CACHE_MIB = 128;

    /**
     * Commands that change nothing. Any other command is taken for a write: a command this list misses costs a
     * wait for the disk, while a write taken for a read could be acknowledged before it is durable.
     */
    private static final Set<String> READS = Set.of(
            "find", "getmore", "count", "distinct", "listcollections", "listindexes", "listdatabases", "collstats",
            "dbstats", "serverstatus", "ping", "hello", "ismaster", "buildinfo", "whatsmyuri", "killcursors",
            "endsessions", "getlasterror", "getparameter", "connectionstatus", "hostinfo", "getcmdlineopts",
            "getlog", "currentop", "explain", "saslstart", "saslcontinue", "getfreemonitoringstatus");
    private static final Set<String> WRITING_STAGES = Set.of("$out", "$merge");

    /**
     * How soon a write that did not ask to be durable reaches the disk at the latest: MongoDB's journal commit
     * interval.
     */
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(100);

    /**
     * How long a chunk that no longer holds live pages is kept before its space is written over. H2's default (45 s)
     * allows for file systems that flush late; here every commit is synced at once.
     */
    static final Duration RETENTION = Duration.ofSeconds(1);
    /** The file is compacted in earnest only once nothing has been written for this long. */
    static final Duration QUIET_BEFORE_COMPACTING = Duration.ofSeconds(2);

    private final GroupCommit groupCommit;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mongo-server-flush");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * The maps of the backend being constructed: the library's constructor opens the databases already in the file,
     * before this class's fields are set.
     */
    private static final ThreadLocal<JournaledStore> MAPS_WHILE_OPENING = new ThreadLocal<>();

    private final JournaledStore maps;
    private final Journal journal;
    private final Runnable onStoreClosed;

    private IndexedH2Backend(MVStore store, Journal journal, JournaledStore maps, Duration checkpointInterval,
                             Runnable onStoreClosed) {
        super(store);
        this.onStoreClosed = onStoreClosed;
        store.setRetentionTime((int) RETENTION.toMillis());
        this.journal = journal;
        this.maps = maps;
        this.groupCommit = new GroupCommit(store, journal, Checkpoints.every(checkpointInterval, store));
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_INTERVAL.toMillis(), FLUSH_INTERVAL.toMillis(),
                                       TimeUnit.MILLISECONDS);
    }

    /**
     * Opens (or creates) the MVStore file and the databases in it, after applying what its {@link Journal} holds
     * beyond the file's last checkpoint. MVStore's background commits are off: every commit is a
     * {@link GroupCommit} checkpoint, taken between whole writes.
     */
    public static IndexedH2Backend open(String fileName, Duration checkpointInterval, Runnable onStoreClosed) {
        Path storeFile = Path.of(fileName);
        MVStore recovering = openStore(fileName);
        Journal journal;
        try {
            journal = Journal.recover(recovering, storeFile, new MapTypes());
        } finally {
            recovering.close(); // the maps the replay opened are opened again as journaled ones
        }
        MVStore store = openStore(fileName);
        JournaledStore maps = new JournaledStore(store, journal);
        MAPS_WHILE_OPENING.set(maps);
        try {
            return new IndexedH2Backend(store, journal, maps, checkpointInterval, onStoreClosed);
        } finally {
            MAPS_WHILE_OPENING.remove();
        }
    }

    private static MVStore openStore(String fileName) {
        return new MVStore.Builder().fileName(fileName).cacheSize(CACHE_MIB).autoCommitDisabled()
                                    .autoCommitBufferSize(0).open();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), maps == null ? MAPS_WHILE_OPENING.get() : maps,
                                     getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            return handle(channel, database, command, query);
        } catch (MVStoreException e) {
            if (getMvStore().isClosed()) {
                onStoreClosed.run();
            }
            throw e;
        }
    }

    private Document handle(Channel channel, String database, String command, Document query) {
        Supplier<Document> handling = () -> super.handleCommand(channel, database, command, query);
        Namespace namespace = Namespace.of(database, command, query);
        if (isRead(command, query)) {
            return asksForMajority(command, query) ? groupCommit.durableRead(handling) : groupCommit.read(namespace, handling);
        }
        return asksForDurability(query) ? groupCommit.durableWrite(namespace, handling) : groupCommit.write(handling);
    }

    @Override
    public void close() {
        flusher.shutdown(); // not shutdownNow: an interrupt during a sync would close the file under the store
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        groupCommit.checkpointNow(); // the next start has nothing to replay
        super.close();
        journal.close();
    }

    /** As the library would on an {@code fsync} command: everything applied so far into the store's file. */
    @Override
    public void commit() {
        groupCommit.checkpointNow();
    }

    /** Puts writes that did not wait on disk, checkpoints when one is due, and compacts the file when quiet. */
    private void flush() {
        try {
            groupCommit.flush();
            groupCommit.compactWhileQuiet(QUIET_BEFORE_COMPACTING);
        } catch (RuntimeException e) {
            log.error("Could not put the latest writes on disk or compact the file; will try again", e);
        }
    }

    /** Legacy OP_QUERY: drivers send only their handshake this way, and commands come on through handleCommand. */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return groupCommit.read(new Namespace(query.getDatabaseName(), null), () -> super.handleQuery(query));
    }

    /**
     * Whether a write waits for the disk: unless it asks for less ({@code w: 0} or {@code w: 1} without
     * {@code j: true}), as a replica set's default write concern ({@code w: "majority"}) does.
     */
    private static boolean asksForDurability(Document command) {
        if (!(command.get("writeConcern") instanceof Document writeConcern)) {
            return true;
        }
        Object w = writeConcern.get("w");
        boolean acknowledgedByOneOrNone = w instanceof Number number && number.intValue() <= 1;
        return !acknowledgedByOneOrNone || Boolean.TRUE.equals(writeConcern.get("j"));
    }

    /**
     * Whether a read asks only for what can no longer be lost ({@code readConcern: {level: "majority"}}). A
     * {@code getMore} does not repeat the read concern of the find that opened its cursor, and the cursor reads on
     * as it goes: every {@code getMore} is answered so.
     */
    private static boolean asksForMajority(String command, Document query) {
        return command.equalsIgnoreCase("getMore")
               || query.get("readConcern") instanceof Document readConcern && "majority".equals(readConcern.get("level"));
    }

    private static boolean isRead(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return !(query.get("pipeline") instanceof List<?> stages)
                    || stages.stream().noneMatch(stage -> stage instanceof Document document
                                                          && document.keySet().stream().anyMatch(WRITING_STAGES::contains));
        }
        return READS.contains(name);
    }
}
