package news.storyline.brief.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.thread.ThreadOpenedEvent;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import static news.storyline.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The feed's check and repair: a feed damaged by writing to its collection directly, in each way a crash or a bug
 * could leave it, is reported, served only up to its last good position, repaired, and then equals the store and is
 * served again. The window is small, so that a few events are enough to be out of order.
 */
@ServiceIT(properties = {"storyline.feed.check.window=3", "storyline.feed.check.on-startup=false",
                         "storyline.feed.check.retry-after=7s"})
@Import(EventStoreWriter.class)
class FeedIntegrityIT {

    private static final Editor EDITOR = new Editor("editor", "Иван Петров");

    @Autowired
    Api api;

    @Autowired
    @Qualifier("storylineDatabase")
    MongoDatabase database;

    @Autowired
    EventStoreWriter writer;

    private MongoCollection<Document> feed;

    @BeforeEach
    void aSoundFeedOfSomeEvents() {
        feed = database.getCollection("feed");
        String slug = "nishka-" + UUID.randomUUID().toString().substring(0, 8);
        writer.append(slug, 0, new ThreadOpenedEvent(slug, "Нишка", null, EDITOR, Instant.now()));
        for (int story = 0; story < 4; story++) {
            String id = UUID.randomUUID().toString();
            writer.story(id, new StoryFiledEvent(id, "Заглавие", "Лийд.", "Текст.", Dateline.of("Пхенян"), "bg",
                                                 "world", EDITOR, Instant.now()),
                         new StoryLinkedEvent(id, LinkTarget.thread(slug), EDITOR, Instant.now()),
                         new StoryUpdatedEvent(id, "Второ заглавие", null, null, RevisionKind.UPDATE, null, EDITOR,
                                               Instant.now()));
        }
        awaitFeedEqualsStore();
        JsonNode report = check();
        assertThat(report.get("discrepancies").asLong()).as(report.toString()).isZero();
        assertThat(report.get("listed")).isEmpty();
        assertThat(report.has("firstBadPosition")).isFalse();
        assertThat(report.get("lastGoodPosition").asLong()).isEqualTo(storeIds().size());
    }

    @Test
    void anEntryWhoseEventTheStoreLacks() {
        long bad = 5;
        feed.updateOne(Filters.eq("_id", bad), Updates.set("eventId", "ghost-" + UUID.randomUUID()));

        JsonNode report = check();

        assertThat(kinds(report)).contains("NOT_IN_STORE@5");
        repairedFrom(report, bad);
    }

    @Test
    void anEventOfTheStoreMissingFromTheFeed() {
        long bad = 7;
        removeAndCloseUp(bad);

        JsonNode report = check();

        assertThat(kinds(report)).containsExactly("MISSING_FROM_FEED@" + bad);
        assertThat(report.get("listed").get(0).get("globalIndex").isNumber()).isTrue();
        repairedFrom(report, bad);
    }

    @Test
    void aDuplicate() {
        feed.dropIndex("eventId");
        Document copy = feed.find(Filters.eq("_id", 3L)).first();
        long end = storeIds().size();
        copy.put("_id", end + 1);
        feed.insertOne(copy);
        database.getCollection("feed_head").updateOne(Filters.eq("_id", "head"), Updates.set("position", end + 1));

        JsonNode report = check();

        assertThat(kinds(report)).containsExactly("DUPLICATE@" + (end + 1));
        repairedFrom(report, end + 1);
        assertThat(feed.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
                .as("the unique index is back").contains("eventId");
    }

    @Test
    void aHole() {
        long bad = 4;
        feed.deleteOne(Filters.eq("_id", bad));

        JsonNode report = check();

        assertThat(kinds(report)).contains("HOLE@" + bad);
        repairedFrom(report, bad);
    }

    @Test
    void entriesOutOfTheStoresOrder() {
        long bad = 3;
        swap(bad, bad + 6);

        JsonNode report = check();

        assertThat(kinds(report)).contains("OUT_OF_ORDER@" + bad);
        assertThat(report.get("firstBadPosition").asLong()).isEqualTo(bad);
        repairedFrom(report, bad);
    }

    @Test
    void refusesABadListedCount() {
        assertProblem(api.get("/api/admin/feed/check?listed=-1"), 400, "invalid-request");
        assertProblem(api.get("/api/admin/feed/check?listed=много"), 400, "invalid-request");
    }

    @Test
    void aSoundFeedIsLeftAsItIsByARepair() {
        ResponseEntity<JsonNode> repair = api.post("/api/admin/feed/repair", null);

        assertThat(repair.getStatusCode().value()).isEqualTo(200);
        assertThat(repair.getBody().get("repaired").asBoolean()).isFalse();
        assertThat(repair.getBody().get("removed").asLong()).isZero();
    }

    /**
     * Serving stops at the last good position (pages and stream), the repair keeps what comes before it and
     * rewrites the rest from the store, and serving resumes.
     */
    private void repairedFrom(JsonNode report, long firstBad) {
        assertThat(report.get("firstBadPosition").asLong()).as(report.toString()).isEqualTo(firstBad);
        long lastGood = firstBad - 1;
        assertThat(report.get("lastGoodPosition").asLong()).isEqualTo(lastGood);
        List<Document> kept = feed.find(Filters.lte("_id", lastGood)).sort(Sorts.ascending("_id"))
                                  .into(new ArrayList<>());

        JsonNode upToTheLastGood = api.get("/api/events?limit=1000").getBody();
        assertThat(upToTheLastGood.get("head").asLong()).isEqualTo(lastGood);
        assertThat(upToTheLastGood.get("events")).hasSize((int) lastGood);
        ResponseEntity<JsonNode> beyond = api.get("/api/events?after=" + lastGood);
        assertProblem(beyond, 503, "unavailable");
        assertThat(beyond.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
        assertThat(beyond.getBody().get("detail").asText()).contains("up to position " + lastGood);
        assertProblem(api.get("/api/events/stream?after=" + (lastGood + 1)), 503, "unavailable");

        ResponseEntity<JsonNode> repair = api.post("/api/admin/feed/repair", null);

        assertThat(repair.getStatusCode().value()).as(String.valueOf(repair.getBody())).isEqualTo(200);
        assertThat(repair.getBody().get("repaired").asBoolean()).isTrue();
        assertThat(repair.getBody().get("keptUpTo").asLong()).isEqualTo(lastGood);
        assertThat(repair.getBody().get("firstRepairedPosition").asLong()).isEqualTo(firstBad);
        awaitFeedEqualsStore();
        assertThat(feed.find(Filters.lte("_id", lastGood)).sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                .as("the positions before the first bad one are unchanged").isEqualTo(kept);
        JsonNode after = check();
        assertThat(after.get("discrepancies").asLong()).as(after.toString()).isZero();
        ResponseEntity<JsonNode> resumed = api.get("/api/events?after=" + lastGood + "&limit=1000");
        assertThat(resumed.getStatusCode().value()).isEqualTo(200);
        assertThat(resumed.getBody().get("head").asLong()).isEqualTo(storeIds().size());
        if (firstBad <= storeIds().size()) {
            assertThat(resumed.getBody().get("events").get(0).get("position").asLong()).isEqualTo(firstBad);
        }
        // The threads the rewritten entries concern come from the membership as it was after the kept ones.
        for (JsonNode event : resumed.getBody().get("events")) {
            Document entry = feed.find(Filters.eq("_id", event.get("position").asLong())).first();
            if (event.get("type").asText().equals("news.storyline.story.updated.v1")) {
                assertThat(entry.getList("threads", String.class)).as(entry.toJson()).hasSize(1);
            }
        }
    }

    private JsonNode check() {
        ResponseEntity<JsonNode> check = api.get("/api/admin/feed/check");
        assertThat(check.getStatusCode().value()).as(String.valueOf(check.getBody())).isEqualTo(200);
        return check.getBody();
    }

    private static List<String> kinds(JsonNode report) {
        List<String> kinds = new ArrayList<>();
        report.get("listed").forEach(found -> kinds.add(found.get("kind").asText() + "@"
                                                         + found.get("position").asLong()));
        return kinds;
    }

    private List<String> storeIds() {
        return database.getCollection("events").find(Filters.ne("type", "AbandonedPosition"))
                       .sort(Sorts.ascending("globalIndex")).map(event -> event.getString("_id"))
                       .into(new ArrayList<>());
    }

    private List<String> feedIds() {
        return feed.find().sort(Sorts.ascending("_id")).map(entry -> entry.getString("eventId"))
                   .into(new ArrayList<>());
    }

    /** Every event of the store once, in its order, at positions 1..N, and the head at N. */
    private void awaitFeedEqualsStore() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> store = storeIds();
            assertThat(feedIds()).isEqualTo(store);
            assertThat(feed.find().sort(Sorts.ascending("_id")).map(entry -> entry.get("_id", Number.class)
                                                                                   .longValue())
                           .into(new ArrayList<>()))
                    .isEqualTo(LongStream.rangeClosed(1, store.size()).boxed().toList());
            assertThat(api.get("/api/events?limit=1").getBody().get("head").asLong()).isEqualTo(store.size());
        });
    }

    /** Removes the entry at {@code position} and moves every later one down a place: no hole, one event fewer. */
    private void removeAndCloseUp(long position) {
        List<Document> later = feed.find(Filters.gt("_id", position)).sort(Sorts.ascending("_id"))
                                   .into(new ArrayList<>());
        feed.deleteMany(Filters.gte("_id", position));
        for (Document entry : later) {
            entry.put("_id", entry.get("_id", Number.class).longValue() - 1);
            feed.insertOne(entry);
        }
        database.getCollection("feed_head").updateOne(Filters.eq("_id", "head"), Updates.inc("position", -1));
    }

    /** Exchanges the entries at two positions. */
    private void swap(long one, long other) {
        Document first = feed.find(Filters.eq("_id", one)).first();
        Document second = feed.find(Filters.eq("_id", other)).first();
        feed.deleteMany(Filters.in("_id", one, other));
        first.put("_id", other);
        second.put("_id", one);
        feed.insertMany(List.of(first, second));
    }
}
