package news.storyline.mongoserver;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the server with SIGKILL while clients write, draw positions and read, restarts it on the same file, and
 * checks the whole history against what it holds, as an event store's users would: every write it acknowledged is
 * there once, no position it handed out is handed out again, and nothing a reader was shown is gone. Writes that
 * ask for less ({@code w: 1}, as read models do) may be lost, but only from the end: never one without those
 * applied before it, and never one a reader with {@code readConcern: majority} was shown.
 *
 * <p>Every other round the server commits its data file every few milliseconds instead of every few seconds, so
 * that kills land in checkpoints (and in the start of a new journal) as well as between them.
 */
class KillNineTest {

    private static final int WRITERS = 8;
    private static final int READ_MODEL_WRITERS = 2;
    private static final int KILLS = 4;
    private static final String CHECKPOINT_ALL_THE_TIME = "5";
    private static final int ACKNOWLEDGED_BEFORE_A_KILL = 150;
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDirectory;

    /** Every write the server acknowledged, in every round: an event's id and the position it was given. */
    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    /** Every position the counter handed out and acknowledged. */
    private final Queue<Long> handedOut = new ConcurrentLinkedQueue<>();
    /** The most entries of each read-model writer a majority reader was ever shown. */
    private final Map<String, Integer> readModelEntriesRead = new ConcurrentHashMap<>();
    /** The highest position a reader was ever shown. */
    private final AtomicLong highestPositionRead = new AtomicLong();

    /** The server of the round under way, killed after the test should an assertion end it early. */
    private ServerProcess running;

    @AfterEach
    void killWhatIsStillRunning() throws InterruptedException {
        if (running != null) {
            running.kill();
        }
    }

    @Test
    void keepsEveryAcknowledgedWriteThroughKills() throws Exception {
        for (int round = 0; round < KILLS; round++) {
            ServerProcess server = round % 2 == 0 ? ServerProcess.startOn(dataDirectory)
                    : ServerProcess.startOn(dataDirectory, "--checkpoint-interval", CHECKPOINT_ALL_THE_TIME);
            running = server;
            try (MongoClient client = server.client()) {
                events(client).createIndex(Indexes.ascending("position"), new IndexOptions().unique(true));
                assertHistoryKept(client);
                runLoadUntilKilled(client, server, round);
            }
        }
        ServerProcess last = ServerProcess.startOn(dataDirectory);
        running = last;
        try (MongoClient client = last.client()) {
            assertHistoryKept(client);
        } finally {
            last.stop();
            running = null;
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILLS * ACKNOWLEDGED_BEFORE_A_KILL);
    }

    private void runLoadUntilKilled(MongoClient client, ServerProcess server, int round) throws Exception {
        int before = acknowledged.size();
        List<Thread> clients = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            String name = "round" + round + "-writer" + writer;
            clients.add(new Thread(() -> write(client, name), name));
        }
        for (int writer = 0; writer < READ_MODEL_WRITERS; writer++) {
            String name = "round" + round + "-read-model-writer" + writer;
            clients.add(new Thread(() -> writeReadModel(client, name), name));
        }
        clients.add(new Thread(() -> read(client), "round" + round + "-reader"));
        clients.add(new Thread(() -> readReadModel(client), "round" + round + "-majority-reader"));
        clients.forEach(Thread::start);

        await("acknowledged writes").atMost(LOAD_LIMIT).pollInterval(Duration.ofMillis(10))
                .until(() -> acknowledged.size() - before >= ACKNOWLEDGED_BEFORE_A_KILL);
        Thread.sleep(ThreadLocalRandom.current().nextInt(200)); // a kill at no particular moment of a commit
        server.kill();
        for (Thread thread : clients) {
            thread.join(LOAD_LIMIT.toMillis());
        }
    }

    /** Draws the next position, as the event store does, and stores an event at it; until the server is gone. */
    private void write(MongoClient client, String writer) {
        try {
            for (int n = 0; ; n++) {
                long position = nextPosition(client);
                String id = writer + "-" + n;
                events(client).insertOne(new Document("_id", id).append("position", position)
                                                                .append("headline", "Пхенян, събитие " + n));
                acknowledged.add(new Acknowledged(id, position));
            }
        } catch (RuntimeException serverGone) {
            // the kill: whatever was in flight is not acknowledged, so the check does not count on it
        }
    }

    /** Updates a read model with {@code w: 1}, one entry after another. */
    private static void writeReadModel(MongoClient client, String writer) {
        MongoCollection<Document> timeline = timelines(client).withWriteConcern(WriteConcern.W1);
        try {
            for (int n = 0; ; n++) {
                timeline.insertOne(new Document("writer", writer).append("n", n));
            }
        } catch (RuntimeException serverGone) {
            // the kill
        }
    }

    /** Reads the read model with {@code readConcern: majority}: what it is shown, a crash must not take back. */
    private void readReadModel(MongoClient client) {
        MongoCollection<Document> timeline = timelines(client).withReadConcern(ReadConcern.MAJORITY);
        try {
            while (true) {
                for (Document entry : timeline.find()) {
                    readModelEntriesRead.merge(entry.getString("writer"), entry.getInteger("n") + 1, Math::max);
                }
            }
        } catch (RuntimeException serverGone) {
            // the kill
        }
    }

    private void read(MongoClient client) {
        try {
            while (true) {
                Document counter = counters(client).find(eq("_id", "events")).first();
                if (counter != null) {
                    highestPositionRead.accumulateAndGet(counter.getLong("position"), Math::max);
                }
            }
        } catch (RuntimeException serverGone) {
            // the kill
        }
    }

    private void assertHistoryKept(MongoClient client) {
        Map<String, Long> stored = new HashMap<>();
        Map<Long, String> byPosition = new HashMap<>();
        for (Document event : events(client).find()) {
            stored.put(event.getString("_id"), event.getLong("position"));
            String other = byPosition.put(event.getLong("position"), event.getString("_id"));
            assertThat(other).as("another event at position %s", event.getLong("position")).isNull();
        }
        for (Acknowledged write : acknowledged) {
            assertThat(stored).as("acknowledged write %s", write.id()).containsEntry(write.id(), write.position());
        }
        assertOnlyASuffixOfReadModelWritesLost(client);
        Document counter = counters(client).find(eq("_id", "events")).first();
        long counted = counter == null ? 0 : counter.getLong("position");
        assertThat(handedOut).as("positions handed out").doesNotHaveDuplicates();
        long highestHandedOut = handedOut.stream().mapToLong(Long::longValue).max().orElse(0);
        assertThat(counted).as("the position counter, after handing out %s and showing %s", highestHandedOut,
                               highestPositionRead.get())
                           .isGreaterThanOrEqualTo(Math.max(highestHandedOut, highestPositionRead.get()));
    }

    private void assertOnlyASuffixOfReadModelWritesLost(MongoClient client) {
        Map<String, List<Integer>> entries = new HashMap<>();
        for (Document entry : timelines(client).find()) {
            entries.computeIfAbsent(entry.getString("writer"), writer -> new ArrayList<>()).add(entry.getInteger("n"));
        }
        entries.forEach((writer, kept) -> assertThat(kept).as("entries %s kept", writer).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, kept.size()).boxed().toList()));
        readModelEntriesRead.forEach((writer, shown) -> assertThat(entries.getOrDefault(writer, List.of()))
                .as("entries of %s, of which a majority reader was shown %s", writer, shown).hasSizeGreaterThanOrEqualTo(shown));
    }

    private long nextPosition(MongoClient client) {
        long position = counters(client).findOneAndUpdate(eq("_id", "events"), inc("position", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)).getLong("position");
        handedOut.add(position);
        return position;
    }

    private static MongoCollection<Document> events(MongoClient client) {
        return client.getDatabase("storyline").getCollection("events");
    }

    private static MongoCollection<Document> timelines(MongoClient client) {
        return client.getDatabase("storyline").getCollection("timelines");
    }

    private static MongoCollection<Document> counters(MongoClient client) {
        return client.getDatabase("storyline").getCollection("counters");
    }

    private record Acknowledged(String id, long position) {
    }
}
