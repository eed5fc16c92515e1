package news.storyline.brief.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

/**
 * What a thread's timeline adds up to (collection {@code thread_summaries}, one document per thread): how many
 * stories are linked to it now, how many entries of theirs it shows, the first and the last of them. Kept as the
 * timeline's events arrive, so that a thread's summary is one lookup however long its history.
 * <p>
 * A story's event changes a summary by a delta, which must count once although the handler may run again after a
 * failure half-way. Each delta carries a key (the story and the version it brings the story to), and the summary
 * takes it only while it does not hold that key yet; the key is let go once the story has been saved at that
 * version, after which a redelivery stops at the story and never comes here. Events of different stories change
 * one summary concurrently; every change is one atomic update of its document.
 * <p>
 * The one case the key does not cover: two handlers running the same event at once (a rebuild's replay and a live
 * processor, around the switch), when one has read the story before the other saved it, yet reaches the summary only
 * after the other has let the key go. Within an instance they take turns on a story ({@code SequenceLocks}); a live
 * processor of another instance can still meet the replay so, and the timeline changes the summary right after
 * reading the story to keep that window small.
 */
final class ThreadSummaries {

    static final String COLLECTION = "thread_summaries";
    private static final String STORIES = "stories";
    private static final String ENTRIES = "entries";
    private static final String FIRST = "firstActivity";
    private static final String LAST = "lastActivity";
    /** Counts the changes, so that a recomputation can tell that another change came in between. */
    private static final String REVISION = "revision";
    private static final String APPLYING = "applying";

    private final MongoCollection<Document> summaries;
    private final MongoCollection<Document> entries;

    ThreadSummaries(MongoDatabase readModels, MongoCollection<Document> entries) {
        this.summaries = readModels.getCollection(COLLECTION);
        this.entries = entries;
    }

    /** A story's event added an entry to a thread it stays in. */
    void entryAdded(String thread, String key, Instant at) {
        apply(thread, key, 0, 1, at, at);
    }

    /** A story joined a thread, bringing {@code storyEntries} entries from {@code first} to {@code last}. */
    void storyJoined(String thread, String key, long storyEntries, Instant first, Instant last) {
        apply(thread, key, 1, storyEntries, first, last);
    }

    /** A story left a thread with its {@code storyEntries} entries; {@link #findEnds} follows. */
    void storyLeft(String thread, String key, long storyEntries) {
        apply(thread, key, -1, -storyEntries, null, null);
    }

    /**
     * Finds the thread's first and last activity again among the entries its timeline shows, once a story that left
     * has had its entries marked. Two reads of one index's ends; should another change come in between, it reads
     * again.
     */
    void findEnds(String thread) {
        boolean recomputed;
        do {
            Document summary = summaries.find(eq("_id", thread)).projection(Projections.include(REVISION)).first();
            long revision = summary.get(REVISION, Number.class).longValue();
            Optional<Date> first = end(thread, Sorts.ascending(TimelineEntries.ORDER));
            Optional<Date> last = end(thread, Sorts.descending(TimelineEntries.ORDER));
            recomputed = summaries.updateOne(and(eq("_id", thread), eq(REVISION, revision)), Updates.combine(
                    first.map(at -> Updates.set(FIRST, at)).orElse(Updates.unset(FIRST)),
                    last.map(at -> Updates.set(LAST, at)).orElse(Updates.unset(LAST)),
                    Updates.inc(REVISION, 1L))).getMatchedCount() == 1;
        } while (!recomputed);
    }

    /** Lets go of the key of a change that the story has been saved past. */
    void applied(String thread, String key) {
        summaries.updateOne(eq("_id", thread), Updates.pull(APPLYING, key));
    }

    Optional<Document> find(String thread) {
        return Optional.ofNullable(summaries.find(eq("_id", thread)).first());
    }

    List<Document> all() {
        return summaries.find().into(new ArrayList<>());
    }

    void clear() {
        summaries.deleteMany(new Document());
    }

    static long stories(Document summary) {
        return summary == null ? 0 : summary.get(STORIES, Number.class).longValue();
    }

    static long entries(Document summary) {
        return summary == null ? 0 : summary.get(ENTRIES, Number.class).longValue();
    }

    static Instant first(Document summary) {
        return summary == null || summary.getDate(FIRST) == null ? null : summary.getDate(FIRST).toInstant();
    }

    static Instant last(Document summary) {
        return summary == null || summary.getDate(LAST) == null ? null : summary.getDate(LAST).toInstant();
    }

    private void apply(String thread, String key, long stories, long storyEntries, Instant first, Instant last) {
        List<Bson> changes = new ArrayList<>(List.of(Updates.inc(STORIES, stories),
                                                     Updates.inc(ENTRIES, storyEntries),
                                                     Updates.inc(REVISION, 1L),
                                                     Updates.addToSet(APPLYING, key)));
        if (first != null) {
            changes.add(Updates.min(FIRST, Date.from(first)));
            changes.add(Updates.max(LAST, Date.from(last)));
        }
        Bson notYet = and(eq("_id", thread), ne(APPLYING, key));
        try {
            summaries.updateOne(notYet, Updates.combine(changes), new UpdateOptions().upsert(true));
        } catch (MongoWriteException taken) {
            // The summary exists and holds the key (the change counted already), or another story's change
            // created it first: without the upsert, the change counts in the second case only.
            if (taken.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw taken;
            }
            summaries.updateOne(notYet, Updates.combine(changes));
        }
    }

    /** The time of the thread's first or last entry in {@code order} among those its timeline shows now. */
    private Optional<Date> end(String thread, Bson order) {
        Bson shown = and(eq(TimelineEntries.THREAD, thread), eq(TimelineEntries.CURRENT, true));
        return Optional.ofNullable(entries.find(shown).sort(order).limit(1)
                                          .projection(Projections.include(TimelineEntries.AT)).first())
                       .map(entry -> entry.getDate(TimelineEntries.AT));
    }
}
