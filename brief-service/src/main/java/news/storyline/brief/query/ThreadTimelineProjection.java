package news.storyline.brief.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import news.storyline.api.query.FindThreadQuery;
import news.storyline.api.query.FindThreadsQuery;
import news.storyline.api.query.FindTimelineEntryQuery;
import news.storyline.api.query.FindTimelineQuery;
import news.storyline.api.query.ThreadList;
import news.storyline.api.query.ThreadSummary;
import news.storyline.api.query.TimelineEntry;
import news.storyline.api.query.TimelinePage;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryAttributedEvent;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryUnlinkedEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.StoryWithdrawnEvent;
import news.storyline.api.thread.ThreadClosedEvent;
import news.storyline.api.thread.ThreadOpenedEvent;
import news.storyline.api.thread.ThreadRenamedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

/**
 * Developing threads and their timelines: every event of every story linked to a thread, newest first, each
 * showing the story as it stood right after that event.
 * <p>
 * A story may be linked to a thread long after it was filed, so the read model keeps each story's own entries and
 * copies them into a thread's timeline when the story joins it. Each entry in a thread carries whether its story
 * is linked to the thread now and when it was linked (a link or an unlink rewrites the entries of that story in
 * that thread), so that a page is one range of one index: now, the thread's current entries, newest first; as of an
 * instant, the thread's entries up to it, newest first, of the stories linked then, which shows the thread exactly
 * as it stood (the stories linked then, their entries up to then, with the headlines and corrections of then). A
 * thread's summary is kept as the events arrive ({@link ThreadSummaries}). Every write is an upsert by a deterministic id or counted once by a key, and a
 * story's state moves only from the version right before an event, so redelivered events change nothing.
 */
@Component
@ProcessingGroup(ThreadTimelineProjection.NAME)
public class ThreadTimelineProjection {

    static final String NAME = "timelines";
    private static final String OPEN = "OPEN";
    private static final String CLOSED = "CLOSED";

    private final MongoCollection<Document> threads;
    private final MongoCollection<Document> stories;
    private final MongoCollection<Document> storyEntries;
    private final MongoCollection<Document> entries;
    private final ThreadSummaries summaries;

    public ThreadTimelineProjection(@Qualifier("readModels") MongoDatabase readModels) {
        this.threads = readModels.getCollection("threads");
        this.stories = readModels.getCollection("timeline_stories");
        this.storyEntries = readModels.getCollection("timeline_story_entries");
        this.entries = readModels.getCollection("timeline_entries");
        this.summaries = new ThreadSummaries(readModels, entries);
        storyEntries.createIndex(Indexes.ascending(TimelineEntries.STORY_ID), new IndexOptions().name("byStory"));
        // A page now: the thread's current entries, newest first; also the first and last of them for the summary.
        entries.createIndex(Indexes.compoundIndex(Indexes.ascending(TimelineEntries.THREAD, TimelineEntries.CURRENT),
                                                  Indexes.descending(TimelineEntries.ORDER)),
                            new IndexOptions().name("current"));
        // A page as of an instant: the thread's entries up to then, newest first, of the stories linked then.
        entries.createIndex(Indexes.compoundIndex(Indexes.ascending(TimelineEntries.THREAD),
                                                  Indexes.descending(TimelineEntries.ORDER)),
                            new IndexOptions().name("asOf"));
        // A link, an unlink or a withdrawal rewrites one story's entries in one thread.
        entries.createIndex(Indexes.ascending(TimelineEntries.THREAD, TimelineEntries.STORY_ID),
                            new IndexOptions().name("byStory"));
    }

    // --- threads

    @EventHandler
    void on(ThreadOpenedEvent event, @SequenceNumber long sequenceNumber) {
        Document thread = new Document(InOrderUpdates.VERSION, sequenceNumber + 1)
                .append("title", event.title())
                .append("description", event.description())
                .append("status", OPEN)
                .append("openedAt", Date.from(event.openedAt()));
        threads.updateOne(eq("_id", event.slug()), new Document("$setOnInsert", thread),
                          new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(ThreadRenamedEvent event, @SequenceNumber long sequenceNumber) {
        List<Bson> changes = new ArrayList<>(List.of(Updates.set(InOrderUpdates.VERSION, sequenceNumber + 1),
                                                     Updates.set("title", event.title())));
        if (event.description() != null) {
            changes.add(Updates.set("description", event.description()));
        }
        InOrderUpdates.apply(threads, event.slug(), sequenceNumber, Updates.combine(changes));
    }

    @EventHandler
    void on(ThreadClosedEvent event, @SequenceNumber long sequenceNumber) {
        InOrderUpdates.apply(threads, event.slug(), sequenceNumber, Updates.combine(
                Updates.set(InOrderUpdates.VERSION, sequenceNumber + 1),
                Updates.set("status", CLOSED),
                Updates.set("closedAt", Date.from(event.closedAt()))));
    }

    // --- stories

    @EventHandler
    void on(StoryFiledEvent event, @SequenceNumber long sequenceNumber) {
        record(event.storyId(), sequenceNumber, event.filedAt(), "FILED",
               ignored -> TimelineStory.filed(event.storyId(), event.headline(), event.dateline().place()));
    }

    @EventHandler
    void on(StoryUpdatedEvent event, @SequenceNumber long sequenceNumber) {
        String kind = event.kind() == RevisionKind.CORRECTION ? "CORRECTED" : "UPDATED";
        record(event.storyId(), sequenceNumber, event.updatedAt(), kind,
               story -> event.headline() == null ? story : story.withHeadline(event.headline()));
    }

    @EventHandler
    void on(StoryAttributedEvent event, @SequenceNumber long sequenceNumber) {
        record(event.storyId(), sequenceNumber, event.attributedAt(), "ATTRIBUTED",
               story -> story.withChain(event.chain()));
    }

    @EventHandler
    void on(StoryLinkedEvent event, @SequenceNumber long sequenceNumber) {
        LinkTarget target = event.target();
        UnaryOperator<TimelineStory> change = target.kind() == LinkTarget.Kind.THREAD
                ? story -> story.linkedTo(target.id(), event.linkedAt()) : UnaryOperator.identity();
        record(event.storyId(), sequenceNumber, event.linkedAt(), "LINKED", change);
    }

    @EventHandler
    void on(StoryUnlinkedEvent event, @SequenceNumber long sequenceNumber) {
        LinkTarget target = event.target();
        UnaryOperator<TimelineStory> change = target.kind() == LinkTarget.Kind.THREAD
                ? story -> story.unlinkedFrom(target.id(), event.unlinkedAt()) : UnaryOperator.identity();
        record(event.storyId(), sequenceNumber, event.unlinkedAt(), "UNLINKED", change);
    }

    /** The fact stays in every timeline; the text goes, from every entry of the story. */
    @EventHandler
    void on(StoryWithdrawnEvent event, @SequenceNumber long sequenceNumber) {
        record(event.storyId(), sequenceNumber, event.withdrawnAt(), "WITHDRAWN", TimelineStory::afterWithdrawal);
    }

    @ResetHandler
    void reset() {
        List.of(threads, stories, storyEntries, entries).forEach(c -> c.deleteMany(new Document()));
        summaries.clear();
    }

    /** Whether any thread or story has been recorded; one lookup in each. */
    boolean holdsAnything() {
        return threads.find().limit(1).first() != null || stories.find().limit(1).first() != null;
    }

    /**
     * Applies one event of a story: the summaries of the threads it changes first (right after the story is read,
     * see {@link ThreadSummaries}), then its entry, put into every thread the story is in after the event and into
     * a thread it has just left; a story that joined a thread brings all its entries along, marked as shown, and a
     * story that left one has its entries there marked as left out, after which the thread's first and last activity
     * are found again; the story's new state last, so that a retry after a failure anywhere redoes it all (every step
     * is idempotent).
     */
    private void record(String storyId, long sequenceNumber, Instant at, String kind,
                        UnaryOperator<TimelineStory> change) {
        Document current = stories.find(eq("_id", storyId)).first();
        long version = current == null ? 0 : current.get(InOrderUpdates.VERSION, Number.class).longValue();
        if (version > sequenceNumber) {
            return; // delivered again: already recorded
        }
        if (version < sequenceNumber) {
            throw new IllegalStateException("Timeline story " + storyId + " is at version " + version
                                                    + " and cannot take event " + sequenceNumber + " yet");
        }
        TimelineStory before = current == null ? null : TimelineStory.fromDocument(current);
        TimelineStory after = change.apply(before).after(sequenceNumber + 1, at);
        Document entry = TimelineEntries.of(after, at, kind);
        String key = storyId + "|" + after.version();
        List<String> joined = after.threads().stream().filter(thread -> before == null || !before.isIn(thread))
                                   .toList();
        List<String> left = before == null ? List.of()
                : before.threads().stream().filter(thread -> !after.isIn(thread)).toList();
        changeSummaries(before, after, joined, left, at, key);
        putEntries(entry, after, joined, left);
        if (after.withdrawn() && !before.withdrawn()) {
            storyEntries.updateMany(eq(TimelineEntries.STORY_ID, storyId), Updates.unset("headline"));
            after.memberships().stream().map(TimelineStory.Membership::thread).distinct().forEach(
                    thread -> entries.updateMany(ofStoryIn(thread, storyId), Updates.unset("headline")));
        }
        store(storyId, current == null ? null : version, after);
        Stream.concat(after.threads().stream(), left.stream()).forEach(thread -> summaries.applied(thread, key));
    }

    /**
     * The story's new state, unless another writer recorded this event (or a later one) since the story was read at
     * {@code readVersion} ({@code null}: not there yet). Two writers meet on a story only for a moment, after a
     * rebuild's switch, when a live processor and the replay both write the new generation; written regardless, an
     * older state written last took the story back a version, and its next event could never be applied.
     */
    private void store(String storyId, Long readVersion, TimelineStory after) {
        if (readVersion == null) {
            try {
                stories.insertOne(after.toDocument());
            } catch (MongoWriteException recordedMeanwhile) {
                if (recordedMeanwhile.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw recordedMeanwhile;
                }
            }
        } else {
            stories.replaceOne(and(eq("_id", storyId), eq(InOrderUpdates.VERSION, readVersion)), after.toDocument());
        }
    }

    /** What needs no reads: the threads' summaries change right after the story was read (see ThreadSummaries). */
    private void changeSummaries(TimelineStory before, TimelineStory after, List<String> joined, List<String> left,
                                 Instant at, String key) {
        for (String thread : after.threads()) {
            if (joined.contains(thread)) {
                summaries.storyJoined(thread, key, after.version(), after.firstAt(), after.lastAt());
            } else {
                summaries.entryAdded(thread, key, at);
            }
        }
        left.forEach(thread -> summaries.storyLeft(thread, key, before.version()));
    }

    private void putEntries(Document entry, TimelineStory after, List<String> joined, List<String> left) {
        storyEntries.replaceOne(eq("_id", entry.getString("_id")), entry, new ReplaceOptions().upsert(true));
        after.threads().stream().filter(thread -> !joined.contains(thread))
             .forEach(thread -> putEntry(thread, entry, after));
        List<Document> ownEntries = joined.isEmpty() ? List.of() : withEarlierEntries(after.storyId(), entry);
        joined.forEach(thread -> ownEntries.forEach(own -> putEntry(thread, own, after)));
        left.forEach(thread -> {
            putEntry(thread, entry, after);
            entries.updateMany(ofStoryIn(thread, after.storyId()), Updates.combine(
                    Updates.set(TimelineEntries.CURRENT, false),
                    Updates.set(TimelineEntries.STAYS, after.staysIn(thread))));
            summaries.findEnds(thread);
        });
    }

    /** The story's entries so far (the earlier ones stored, {@code entry} not yet). */
    private List<Document> withEarlierEntries(String storyId, Document entry) {
        List<Document> own = storyEntries.find(eq(TimelineEntries.STORY_ID, storyId)).into(new ArrayList<>());
        own.removeIf(earlier -> earlier.getString("_id").equals(entry.getString("_id")));
        own.add(entry);
        return own;
    }

    private void putEntry(String thread, Document storyEntry, TimelineStory story) {
        Document entry = TimelineEntries.inThread(thread, storyEntry, story);
        entries.replaceOne(eq("_id", entry.getString("_id")), entry, new ReplaceOptions().upsert(true));
    }

    private static Bson ofStoryIn(String thread, String storyId) {
        return and(eq(TimelineEntries.THREAD, thread), eq(TimelineEntries.STORY_ID, storyId));
    }

    // --- queries

    @QueryHandler
    Optional<ThreadSummary> handle(FindThreadQuery query) {
        return Optional.ofNullable(threads.find(eq("_id", query.slug())).first())
                       .map(thread -> summary(thread, summaries.find(query.slug()).orElse(null)));
    }

    /** Every thread, so every summary: two reads, however many threads and entries. */
    @QueryHandler
    ThreadList handle(FindThreadsQuery query) {
        Map<String, Document> counted = new HashMap<>();
        summaries.all().forEach(summary -> counted.put(summary.getString("_id"), summary));
        List<ThreadSummary> all = threads.find().map(thread -> summary(thread, counted.get(thread.getString("_id"))))
                                         .into(new ArrayList<>());
        all.sort(Comparator.comparing(ThreadSummary::lastActivity, Comparator.nullsLast(Comparator.reverseOrder()))
                           .thenComparing(ThreadSummary::openedAt, Comparator.reverseOrder()));
        return new ThreadList(all);
    }

    /**
     * One range of one index, read newest first and no further than the page: the thread's current entries (index
     * {@code current}); as of an instant, the thread's entries up to it (index {@code asOf}) whose story was linked
     * then, which passes over the entries of stories that were not.
     */
    @QueryHandler
    Optional<TimelinePage> handle(FindTimelineQuery query) {
        if (threads.find(eq("_id", query.slug())).projection(Projections.include("_id")).first() == null) {
            return Optional.empty();
        }
        List<Bson> filters = new ArrayList<>(List.of(eq(TimelineEntries.THREAD, query.slug())));
        String before = null;
        if (query.asOf() == null) {
            filters.add(eq(TimelineEntries.CURRENT, true));
        } else {
            Date asOf = Date.from(query.asOf());
            filters.add(elemMatch(TimelineEntries.STAYS,
                                  and(lte("from", asOf), or(eq("until", null), gt("until", asOf)))));
            before = TimelineEntries.orderAfter(query.asOf());
        }
        if (query.cursor() != null) {
            TimelineCursor after = TimelineCursor.decode(query.cursor());
            String cursor = TimelineEntries.order(after.at(), after.entryId());
            before = before == null || cursor.compareTo(before) < 0 ? cursor : before;
        }
        if (before != null) {
            filters.add(lt(TimelineEntries.ORDER, before));
        }
        List<Document> page = entries.find(and(filters))
                                     .sort(Sorts.descending(TimelineEntries.ORDER))
                                     .limit(query.limit() + 1)
                                     .into(new ArrayList<>());
        String next = null;
        if (page.size() > query.limit()) {
            page = page.subList(0, query.limit());
            Document last = page.get(page.size() - 1);
            next = new TimelineCursor(last.getDate(TimelineEntries.AT).toInstant(), last.getString("_id")).encode();
        }
        return Optional.of(new TimelinePage(page.stream().map(TimelineEntries::view).toList(), next));
    }

    /** Also while the story is unlinked: a live timeline shows the entry of the unlinking itself. */
    @QueryHandler
    Optional<TimelineEntry> handle(FindTimelineEntryQuery query) {
        return Optional.ofNullable(entries.find(eq("_id", TimelineEntries.idInThread(query.slug(), query.storyId(),
                                                                                     query.version()))).first())
                       .map(TimelineEntries::view);
    }

    private static ThreadSummary summary(Document thread, Document counted) {
        Date closedAt = thread.getDate("closedAt");
        return new ThreadSummary(thread.getString("_id"),
                                 thread.get(InOrderUpdates.VERSION, Number.class).longValue(),
                                 thread.getString("title"),
                                 thread.getString("description"),
                                 thread.getString("status"),
                                 thread.getDate("openedAt").toInstant(),
                                 closedAt == null ? null : closedAt.toInstant(),
                                 ThreadSummaries.stories(counted),
                                 ThreadSummaries.entries(counted),
                                 ThreadSummaries.first(counted),
                                 ThreadSummaries.last(counted));
    }
}
