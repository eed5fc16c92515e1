package news.storyline.mongoserver.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.all;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexedStoreTest {

    @TempDir
    Path dataDirectory;

    private RunningServer running;

    @BeforeEach
    void start() {
        running = RunningServer.start(dataDirectory);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void theNewestEntriesOfAThreadReadOnlyThoseEntries() {
        MongoCollection<Document> entries = collection("entries");
        entries.createIndex(Indexes.compoundIndex(Indexes.ascending("thread"), Indexes.descending("at")));
        entries.insertMany(IntStream.range(0, 2_000).mapToObj(i -> new Document("_id", i)
                .append("thread", i % 2 == 0 ? "ukraine" : "korea")
                .append("at", new Date(1_700_000_000_000L + i * 1000L))).toList());
        long before = examined("entries");

        List<Document> newest = entries.find(eq("thread", "ukraine")).sort(descending("at")).limit(20)
                                       .into(new ArrayList<>());

        assertThat(newest).extracting(d -> d.getInteger("_id"))
                          .containsExactlyElementsOf(IntStream.iterate(1998, i -> i - 2).limit(20).boxed().toList());
        assertThat(examined("entries") - before).isEqualTo(20);
    }

    @Test
    void anEventStorePollReadsOnlyWhatFollowsItsPosition() {
        MongoCollection<Document> events = collection("events");
        events.createIndex(Indexes.ascending("globalIndex"), new IndexOptions().unique(true).name("globalIndex"));
        events.insertMany(IntStream.range(0, 3_000).mapToObj(i -> new Document("globalIndex", (long) i)).toList());
        long before = examined("events");

        List<Document> batch = events.find(gt("globalIndex", 2_989L)).sort(ascending("globalIndex")).limit(100)
                                     .into(new ArrayList<>());
        Document head = events.find().sort(descending("globalIndex")).limit(1).first();

        assertThat(batch).extracting(d -> d.getLong("globalIndex")).containsExactlyElementsOf(
                IntStream.range(2_990, 3_000).mapToObj(i -> (long) i).toList());
        assertThat(head.getLong("globalIndex")).isEqualTo(2_999L);
        assertThat(examined("events") - before).isEqualTo(11);
    }

    @Test
    void anAggregateLoadsItsEventsFromItsSequenceOn() {
        MongoCollection<Document> events = collection("events");
        events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"),
                           new IndexOptions().unique(true).name("aggregateSequence"));
        events.insertMany(IntStream.range(0, 1_000).mapToObj(i -> new Document("aggregateIdentifier", "story-" + i % 10)
                .append("sequenceNumber", (long) i / 10)).toList());
        long before = examined("events");

        List<Document> loaded = events.find(and(eq("aggregateIdentifier", "story-3"), gte("sequenceNumber", 95L)))
                                      .sort(ascending("sequenceNumber")).into(new ArrayList<>());

        assertThat(loaded).extracting(d -> d.getLong("sequenceNumber")).containsExactly(95L, 96L, 97L, 98L, 99L);
        assertThat(examined("events") - before).isEqualTo(5);
    }

    @Test
    void aSearchTermHeldToOneWordIsReadNewestFirstThroughItsIndex() {
        MongoCollection<Document> search = collection("search");
        search.createIndex(Indexes.compoundIndex(Indexes.ascending("terms"), Indexes.descending("filedAt"),
                                                 Indexes.ascending("_id")));
        search.insertMany(IntStream.range(0, 2_000).mapToObj(i -> new Document("_id", i)
                .append("terms", List.of("кремъл", "мирните", i % 2 == 0 ? "преговори" : "преговорите"))
                .append("filedAt", (long) i)).toList());
        long before = examined("search");

        List<Document> found = search.find(and(all("terms", List.of("кремъл", "мирните")), regex("terms", "^преговори")))
                                     .sort(Sorts.orderBy(descending("filedAt"), ascending("_id"))).limit(20)
                                     .into(new ArrayList<>());

        assertThat(found).extracting(d -> d.getInteger("_id"))
                         .containsExactlyElementsOf(IntStream.iterate(1_999, i -> i - 1).limit(20).boxed().toList());
        assertThat(examined("search") - before).isEqualTo(20);
    }

    @Test
    void eachBranchOfAnOrIsReadThroughAnIndexOfItsOwn() {
        MongoCollection<Document> sources = collection("sources");
        sources.createIndex(Indexes.ascending("hops.sourceId"), new IndexOptions().name("bySourceId"));
        sources.createIndex(Indexes.ascending("hops.key"), new IndexOptions().name("byWrittenSource"));
        sources.insertMany(IntStream.range(0, 1_000).mapToObj(i -> new Document("_id", i).append("hops", List.of(
                i % 100 == 0 ? new Document("sourceId", "afp").append("key", "Франс прес")
                        : i % 100 == 1 ? new Document("key", "АФП") : new Document("sourceId", "tass").append("key", "ТАСС"))))
                .toList());
        long before = examined("sources");

        List<Document> afp = sources.find(and(ne("withdrawn", true), or(
                        elemMatch("hops", eq("sourceId", "afp")),
                        elemMatch("hops", and(exists("sourceId", false), in("key", List.of("АФП", "AFP")))))))
                .sort(descending("_id")).limit(5).into(new ArrayList<>());

        assertThat(afp).extracting(d -> d.getInteger("_id")).containsExactly(901, 900, 801, 800, 701);
        assertThat(examined("sources") - before).isEqualTo(20);
    }

    /**
     * A source's page of newest stories, under any of its names (brief-service's query): one index read for its id,
     * one per name for hops that name it, merged, a page from each.
     */
    @Test
    void readsThatEachComeInTheAskedOrderAreMergedUpToThePage() {
        MongoCollection<Document> sources = collection("sources");
        for (String field : List.of("sourceId", "key")) {
            sources.createIndex(Indexes.compoundIndex(Indexes.ascending("hops." + field), Indexes.descending("filedAt"),
                                                      Indexes.ascending("_id")));
        }
        sources.insertMany(IntStream.range(0, 1_000).mapToObj(i -> new Document("_id", i).append("filedAt", (long) i / 2)
                .append("hops", List.of(switch (i % 10) {
                    case 0 -> new Document("sourceId", "afp").append("key", "Франс прес");
                    case 1 -> new Document("key", "АФП");
                    case 2 -> new Document("key", "AFP");
                    default -> new Document("sourceId", "tass").append("key", "ТАСС");
                }))).toList());
        long before = examined("sources");

        List<Document> afp = sources.find(or(elemMatch("hops", eq("sourceId", "afp")),
                                             elemMatch("hops", and(exists("sourceId", false), in("key", List.of("АФП", "AFP"))))))
                .sort(Sorts.orderBy(descending("filedAt"), ascending("_id"))).limit(5).into(new ArrayList<>());

        assertThat(afp).extracting(d -> d.getInteger("_id")).containsExactly(992, 990, 991, 982, 980);
        assertThat(examined("sources") - before).isLessThanOrEqualTo(8);
    }

    @Test
    void aUniqueIndexRefusesASecondDocumentWithTheSameKeys() {
        MongoCollection<Document> events = collection("events");
        events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"),
                           new IndexOptions().unique(true).name("aggregateSequence"));
        events.insertOne(new Document("aggregateIdentifier", "story-1").append("sequenceNumber", 0L));

        assertThatThrownBy(() -> events.insertOne(new Document("aggregateIdentifier", "story-1").append("sequenceNumber", 0)))
                .isInstanceOfSatisfying(MongoWriteException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(11000);
                    assertThat(e.getMessage()).contains("index: aggregateSequence dup key");
                });
        events.insertOne(new Document("aggregateIdentifier", "story-1").append("sequenceNumber", 1L));
        assertThatThrownBy(() -> events.updateOne(eq("sequenceNumber", 1L), Updates.set("sequenceNumber", 0L)))
                .isInstanceOf(MongoWriteException.class);
        events.updateOne(eq("sequenceNumber", 1L), Updates.set("note", "a change that keeps its keys"));
        assertThat(events.countDocuments()).isEqualTo(2);
    }

    @Test
    void aSparseUniqueIndexTakesManyDocumentsWithoutItsKey() {
        MongoCollection<Document> records = collection("records");
        records.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).sparse(true).name("key"));

        records.insertMany(List.of(new Document("other", 1), new Document("other", 2), new Document("key", "k")));

        assertThatThrownBy(() -> records.insertOne(new Document("key", "k"))).isInstanceOf(MongoWriteException.class);
        assertThat(records.countDocuments()).isEqualTo(3);
    }

    @Test
    void concurrentIncrementsEachGetTheirOwnValue() throws Exception {
        MongoCollection<Document> counters = collection("counters");
        counters.insertOne(new Document("_id", "globalIndex").append("next", 0L));
        int writers = 8;
        int incrementsEach = 250;
        Set<Long> handedOut = ConcurrentHashMap.newKeySet();
        List<Long> duplicates = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < incrementsEach; i++) {
                        Document counter = counters.findOneAndUpdate(eq("_id", "globalIndex"), Updates.inc("next", 1L),
                                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                        long value = counter.getLong("next");
                        if (!handedOut.add(value)) {
                            synchronized (duplicates) {
                                duplicates.add(value);
                            }
                        }
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(duplicates).isEmpty();
        assertThat(handedOut).hasSize(writers * incrementsEach);
        assertThat(counters.find().first().getLong("next")).isEqualTo((long) writers * incrementsEach);
    }

    @Test
    void indexesAreKeptInTheFileAcrossARestart() {
        MongoCollection<Document> briefs = collection("briefs");
        briefs.createIndex(Indexes.descending("filedAt"), new IndexOptions().name("newestFirst"));
        briefs.insertMany(IntStream.range(0, 500).mapToObj(i -> new Document("_id", i).append("filedAt", (long) i)).toList());

        running.close();
        running = RunningServer.start(dataDirectory);

        assertThat(indexSize("briefs", "newestFirst")).isEqualTo(500);
        long before = examined("briefs");
        assertThat(collection("briefs").find().sort(descending("filedAt")).limit(3).into(new ArrayList<>()))
                .extracting(d -> d.getInteger("_id")).containsExactly(499, 498, 497);
        assertThat(examined("briefs") - before).isEqualTo(3);
    }

    @Test
    void documentsReadBackFromTheFileExactlyAsTheyWereWritten() {
        Document story = new Document("_id", new ObjectId())
                .append("headline", "Ким Чен-ун обеща на Русия „безусловна подкрепа“")
                .append("version", 3).append("globalIndex", 1L << 40).append("score", 0.25)
                .append("filedAt", new Date(1_700_000_000_123L)).append("withdrawn", false).append("note", null)
                .append("amount", new Decimal128(new BigDecimal("12.50")))
                .append("threads", List.of("ukraine", "korea"))
                .append("dateline", new Document("place", "Пхенян").append("at", new Date(0)))
                .append("payload", new Binary(new byte[]{1, 2, 3}))
                .append("hops", List.of(new Document("source", "КЦТА").append("role", "ORIGINATOR")));
        collection("stories").insertOne(story);

        running.close();
        running = RunningServer.start(dataDirectory);

        assertThat(collection("stories").find().first()).isEqualTo(story);
    }

    @Test
    void aDocumentWhoseIdIsADocumentIsFoundUpdatedAndDeletedAlsoAfterARestart() {
        Document id = new Document("key", "key-1").append("caller", "editor-1").append("attempt", 1);
        collection("records").insertOne(new Document("_id", id).append("state", "pending"));
        collection("records").updateOne(eq("_id", id), Updates.set("state", "answered"));

        running.close();
        running = RunningServer.start(dataDirectory);

        Document sameIdAsANumberOfAnotherKind = new Document("key", "key-1").append("caller", "editor-1").append("attempt", 1L);
        assertThat(collection("records").find(eq("_id", sameIdAsANumberOfAnotherKind)).first())
                .containsEntry("state", "answered");
        assertThatThrownBy(() -> collection("records").insertOne(new Document("_id", id)))
                .isInstanceOf(MongoWriteException.class);
        assertThat(collection("records").deleteOne(eq("_id", id)).getDeletedCount()).isEqualTo(1);
        assertThat(collection("records").countDocuments()).isZero();
    }

    @Test
    void aDocumentIdIsLookedUpWhereItIsKeptNotByReadingTheCollection() {
        for (int n = 0; n < 50; n++) {
            collection("records").insertOne(new Document("_id", new Document("key", "key-" + n).append("caller", "c"))
                                                    .append("state", n % 2 == 0 ? "pending" : "answered"));
        }
        Document id = new Document("key", "key-7").append("caller", "c");
        long before = examined("records");

        assertThat(collection("records").find(eq("_id", id)).first()).containsEntry("state", "answered");
        assertThat(collection("records").find(and(eq("_id", id), eq("state", "pending"))).first()).isNull();
        assertThat(collection("records").find(eq("_id", new Document("key", "key-7").append("caller", "other")))
                                        .first()).isNull();
        assertThat(collection("records").deleteOne(and(eq("_id", id), eq("state", "answered"))).getDeletedCount())
                .isEqualTo(1);
        assertThat(examined("records") - before).isEqualTo(3);
    }

    @Test
    void aFileWrittenByTheLibrarysOwnBackendGetsItsIndexesBuiltOnOpen() {
        running.close();
        Path file = dataDirectory.resolve("storyline.mv");
        H2Backend library = new H2Backend(file.toString());
        MongoServer plain = new MongoServer(library);
        InetSocketAddress address = plain.bind();
        try (var client = com.mongodb.client.MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> events = client.getDatabase("storyline").getCollection("events");
            events.createIndex(Indexes.ascending("globalIndex"), new IndexOptions().unique(true).name("globalIndex"));
            events.createIndex(Indexes.ascending("timestamp"), new IndexOptions().name("timestamp"));
            events.insertMany(IntStream.range(0, 100).mapToObj(i -> new Document("globalIndex", (long) i)
                    .append("timestamp", (long) i)).toList());
            client.getDatabase("storyline").getCollection("records")
                  .insertOne(new Document("_id", new Document("key", "k").append("caller", "c")));
        } finally {
            plain.shutdown();
        }

        running = RunningServer.start(dataDirectory);

        assertThat(indexSize("events", "globalIndex")).isEqualTo(100);
        assertThat(indexSize("events", "timestamp")).isEqualTo(100);
        assertThatThrownBy(() -> collection("events").insertOne(new Document("globalIndex", 7L)))
                .isInstanceOf(MongoWriteException.class);
        assertThat(collection("events").find(gte("timestamp", 98L)).into(new ArrayList<>())).hasSize(2);
        assertThat(collection("records").deleteOne(eq("_id", new Document("key", "k").append("caller", "c")))
                                        .getDeletedCount()).isEqualTo(1);
    }

    private MongoCollection<Document> collection(String name) {
        return running.database().getCollection(name);
    }

    private long examined(String collection) {
        return collStats(collection).get("documentsExamined", Number.class).longValue();
    }

    private long indexSize(String collection, String index) {
        return collStats(collection).get("indexSize", Document.class).get(index, Number.class).longValue();
    }

    private Document collStats(String collection) {
        return running.database().runCommand(new Document("collStats", collection));
    }
}
