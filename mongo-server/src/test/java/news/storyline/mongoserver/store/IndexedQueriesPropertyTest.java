package news.storyline.mongoserver.store;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same documents in two collections, one with an index and one without: every query shape Storyline sends
 * (equality on a prefix, ranges, {@code $in}, an {@code $or} over one field, sorts with a limit and a skip) must
 * answer the same through the index as through the library's scan. Values mix types (numbers of three kinds,
 * Cyrillic strings, null, missing, arrays) so that MongoDB's order across types and multikey entries are crossed.
 */
class IndexedQueriesPropertyTest {

    private static final List<String> FIELDS = List.of("a", "b", "tags");
    private static final List<String> INDEXED = List.of("a", "b", "tags", "hops.src", "hops.key");
    private static final AtomicInteger collections = new AtomicInteger();
    private static Path dataDirectory;
    private static RunningServer running;

    @BeforeContainer
    static void start() throws IOException {
        dataDirectory = Files.createTempDirectory("indexed-queries");
        running = RunningServer.start(dataDirectory);
    }

    @AfterContainer
    static void stop() {
        running.close();
    }

    @Property(tries = 300)
    void anIndexAnswersAsAScanDoes(@ForAll("documents") List<Document> documents,
                                   @ForAll("indexes") List<Document> indexes,
                                   @ForAll boolean indexBeforeInserting,
                                   @ForAll("queries") Query query) {
        int n = collections.incrementAndGet();
        MongoCollection<Document> plain = running.database().getCollection("plain" + n);
        MongoCollection<Document> indexed = running.database().getCollection("indexed" + n);
        if (indexBeforeInserting) {
            createIndexes(indexed, indexes);
        }
        plain.insertMany(copies(documents));
        indexed.insertMany(copies(documents));
        if (!indexBeforeInserting) {
            createIndexes(indexed, indexes);
        }

        List<Document> expected = query.run(plain);
        List<Document> actual = query.run(indexed);

        assertThat(sortKeys(actual, query)).as("sort keys, in order").isEqualTo(sortKeys(expected, query));
        if (query.limit() == 0 && query.skip() == 0) {
            assertThat(ids(actual)).as("documents").isEqualTo(ids(expected));
        } else { // documents that tie on the sort keys may fall either side of the skip or the limit
            assertThat(actual).hasSameSizeAs(expected);
            assertThat(ids(query.withoutLimit().run(plain))).as("each one matches").containsAll(ids(actual));
        }
        plain.drop();
        indexed.drop();
    }

    @Provide
    Arbitrary<List<Document>> documents() {
        Arbitrary<Document> document = Combinators.combine(value(), value(), tags(), hops()).as((a, b, tags, hops) -> {
            Document d = new Document();
            putUnlessMissing(d, "a", a);
            putUnlessMissing(d, "b", b);
            putUnlessMissing(d, "tags", tags);
            putUnlessMissing(d, "hops", hops);
            return d;
        });
        return document.list().ofMinSize(1).ofMaxSize(40).map(list -> {
            for (int i = 0; i < list.size(); i++) {
                list.get(i).put("_id", i);
            }
            return list;
        });
    }

    /** One or two indexes: with two, each branch of an {@code $or} may be read through an index of its own. */
    @Provide
    Arbitrary<List<Document>> indexes() {
        return indexKeys().list().ofMinSize(1).ofMaxSize(2).uniqueElements();
    }

    private static void createIndexes(MongoCollection<Document> collection, List<Document> indexes) {
        for (int i = 0; i < indexes.size(); i++) {
            collection.createIndex(indexes.get(i), new IndexOptions().name("tested" + i));
        }
    }

    private Arbitrary<Document> indexKeys() {
        Arbitrary<Integer> direction = Arbitraries.of(1, -1);
        Arbitrary<List<String>> keys = Arbitraries.of(INDEXED).list().ofMinSize(1).ofMaxSize(2).uniqueElements();
        return Combinators.combine(keys, direction, direction).as((fields, first, second) -> {
            Document spec = new Document(fields.get(0), first);
            if (fields.size() > 1) {
                spec.append(fields.get(1), second);
            }
            return spec;
        });
    }

    @Provide
    Arbitrary<Query> queries() {
        Arbitrary<String> field = Arbitraries.of(FIELDS);
        Arbitrary<Object> value = scalar();
        Arbitrary<Bson> filter = Arbitraries.oneOf(
                Arbitraries.just(Filters.empty()),
                Combinators.combine(field, value).as(Filters::eq),
                Combinators.combine(field, value).as(Filters::gt),
                Combinators.combine(field, value).as(Filters::gte),
                Combinators.combine(field, value).as(Filters::lt),
                Combinators.combine(field, value).as(Filters::lte),
                Combinators.combine(field, value, value).as((f, low, high) -> Filters.and(Filters.gte(f, low), Filters.lt(f, high))),
                Combinators.combine(field, scalar().list().ofMaxSize(4)).as(Filters::in),
                Combinators.combine(field, value, scalar().list().ofMaxSize(3))
                           .as((f, v, gaps) -> Filters.or(Filters.gt(f, v), Filters.in(f, gaps))),
                Combinators.combine(value, value).as((a, b) -> Filters.and(Filters.eq("a", a), Filters.eq("b", b))),
                Combinators.combine(value, value).as((a, b) -> Filters.and(Filters.eq("a", a), Filters.gte("b", b))),
                Combinators.combine(field, scalar().list().ofMinSize(1).ofMaxSize(3)).as(Filters::all),
                Combinators.combine(field, Arbitraries.of("^П", "^Пх", "^Кие", "^a", "^Мо*", "^М.", "^Киев$", "н", "^a|К",
                                                          "^\\Q")).as(Filters::regex),
                Combinators.combine(field, scalar().list().ofMinSize(1).ofMaxSize(2), Arbitraries.of("^П", "^К"))
                           .as((f, all, prefix) -> Filters.and(Filters.all(f, all), Filters.regex(f, prefix))),
                Combinators.combine(value, value).as((a, b) -> Filters.or(Filters.eq("a", a), Filters.eq("b", b))),
                Combinators.combine(value, value, value).as((a, x, b) ->
                        Filters.and(Filters.gte("a", a), Filters.or(Filters.eq("a", x), Filters.lt("b", b)))),
                Combinators.combine(value, scalar().list().ofMinSize(1).ofMaxSize(2)).as((src, keys) -> Filters.or(
                        Filters.elemMatch("hops", Filters.eq("src", src)),
                        Filters.elemMatch("hops", Filters.and(Filters.exists("src", false), Filters.in("key", keys))))),
                value.map(src -> Filters.elemMatch("hops", Filters.gte("src", src))));
        Arbitrary<Document> sort = Arbitraries.oneOf(
                Arbitraries.just(new Document()),
                // Sorts on scalar fields, as Storyline's: the library's own comparator is no total order over arrays
                // mixed with scalars, and its sort may then throw, index or not.
                Combinators.combine(Arbitraries.of("a", "b"), Arbitraries.of(1, -1)).as(Document::new),
                Combinators.combine(Arbitraries.of(1, -1), Arbitraries.of(1, -1))
                           .as((a, b) -> new Document("a", a).append("b", b)));
        return Combinators.combine(filter, sort, Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 2))
                          .as(Query::new);
    }

    private static Arbitrary<Object> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 4).map(i -> (Object) i),
                Arbitraries.longs().between(0, 4).map(l -> (Object) l),
                Arbitraries.of(0.5, 1.0, 2.5, 3.0).map(d -> (Object) d),
                Arbitraries.of("Пхенян", "Москва", "Киев", "a").map(s -> (Object) s));
    }

    private static final Object MISSING = new Object();

    private static Arbitrary<Object> value() {
        return Arbitraries.oneOf(scalar(), Arbitraries.just(null), Arbitraries.just(MISSING));
    }

    private static Arbitrary<Object> tags() {
        return Arbitraries.oneOf(
                scalar().list().ofMaxSize(3).map(list -> (Object) list),
                scalar(), Arbitraries.just(MISSING));
    }

    /** Hops as a story's attribution holds them: some name a known source, some only the name written. */
    private static Arbitrary<Object> hops() {
        Arbitrary<Document> hop = Combinators.combine(value(), scalar()).as((src, key) -> {
            Document d = new Document("key", key);
            putUnlessMissing(d, "src", src);
            return d;
        });
        return Arbitraries.oneOf(hop.list().ofMaxSize(3).map(list -> (Object) list), Arbitraries.just(MISSING));
    }

    private static void putUnlessMissing(Document document, String field, Object value) {
        if (value != MISSING) {
            document.put(field, value);
        }
    }

    private static List<Document> copies(List<Document> documents) {
        return documents.stream().map(d -> Document.parse(d.toJson())).toList();
    }

    private static Set<Object> ids(List<Document> documents) {
        Set<Object> ids = new HashSet<>();
        documents.forEach(d -> ids.add(d.get("_id")));
        return ids;
    }

    /** What the sort orders by, numbers as doubles: 1 and 1.0 tie, so either may come first. */
    private static List<List<Object>> sortKeys(List<Document> documents, Query query) {
        if (query.sort().isEmpty()) {
            return List.of();
        }
        List<List<Object>> keys = new ArrayList<>();
        for (Document document : documents) {
            List<Object> key = new ArrayList<>();
            for (String field : query.sort().keySet()) {
                Object value = document.get(field);
                key.add(value instanceof Number number ? (Object) number.doubleValue() : Objects.toString(value, "null"));
            }
            keys.add(key);
        }
        return keys;
    }

    record Query(Bson filter, Document sort, int limit, int skip) {

        List<Document> run(MongoCollection<Document> collection) {
            FindIterable<Document> found = collection.find(filter).sort(sort).skip(skip).limit(limit);
            return found.into(new ArrayList<>());
        }

        Query withoutLimit() {
            return new Query(filter, sort, 0, 0);
        }

        @Override
        public String toString() {
            return "find(" + filter.toBsonDocument().toJson() + ").sort(" + sort.toJson() + ").skip(" + skip
                    + ").limit(" + limit + ")";
        }
    }
}
