package news.storyline.brief.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
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
import news.storyline.api.story.Dateline;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryAttributedEvent;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryUnlinkedEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.StoryWithdrawnEvent;
import news.storyline.api.story.LinkTarget;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

/**
 * Developing threads and their timelines: every event of every story linked to a thread, newest first, each
 * showing the story as it stood right after that event.
 * <p>
 * A story may be linked to a thread long after it was filed, so the read model keeps each story's own entries and
 * copies them into a thread's timeline when the story joins it. When a story joined or left a thread is kept too,
 * which is what lets {@code asOf} show a thread exactly as it stood at an instant: the stories linked then, and
 * their entries up to then, with the headlines and corrections of then. Every write is an upsert by a
 * deterministic id, and a story's state moves only from the version right before an event, so redelivered events
 * change nothing.
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
    private final MongoCollection<Document> memberships;
    private final MongoCollection<Document> entries;

    public ThreadTimelineProjection(@Qualifier("readModels") MongoDatabase readModels) {
        this.threads = readModels.getCollection("threads");
        this.stories = readModels.getCollection("timeline_stories");
        this.storyEntries = readModels.getCollection("timeline_story_entries");
        this.memberships = readModels.getCollection("timeline_memberships");
        this.entries = readModels.getCollection("timeline_entries");
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
        if (target.kind() != LinkTarget.Kind.THREAD) {
            record(event.storyId(), sequenceNumber, event.linkedAt(), "LINKED", UnaryOperator.identity());
            return;
        }
        String thread = target.id();
        record(event.storyId(), sequenceNumber, event.linkedAt(), "LINKED", story -> story.linkedTo(thread),
               Set.of(), () -> {
                   joined(thread, event.storyId(), event.linkedAt(), true);
                   copyStoryEntriesInto(thread, event.storyId());
               });
    }

    @EventHandler
    void on(StoryUnlinkedEvent event, @SequenceNumber long sequenceNumber) {
        LinkTarget target = event.target();
        if (target.kind() != LinkTarget.Kind.THREAD) {
            record(event.storyId(), sequenceNumber, event.unlinkedAt(), "UNLINKED", UnaryOperator.identity());
            return;
        }
        String thread = target.id();
        record(event.storyId(), sequenceNumber, event.unlinkedAt(), "UNLINKED", story -> story.unlinkedFrom(thread),
               Set.of(thread), () -> joined(thread, event.storyId(), event.unlinkedAt(), false));
    }

    /** The fact stays in every timeline; the text goes, from every entry of the story. */
    @EventHandler
    void on(StoryWithdrawnEvent event, @SequenceNumber long sequenceNumber) {
        record(event.storyId(), sequenceNumber, event.withdrawnAt(), "WITHDRAWN", TimelineStory::afterWithdrawal,
               Set.of(), () -> {
                   storyEntries.updateMany(eq("storyId", event.storyId()), Updates.unset("headline"));
                   entries.updateMany(eq("storyId", event.storyId()), Updates.unset("headline"));
               });
    }

    @ResetHandler
    void reset() {
        List.of(threads, stories, storyEntries, memberships, entries).forEach(c -> c.deleteMany(new Document()));
    }

    private void record(String storyId, long sequenceNumber, Instant at, String kind,
                        UnaryOperator<TimelineStory> change) {
        record(storyId, sequenceNumber, at, kind, change, Set.of(), () -> { });
    }

    /**
     * Applies one event of a story: its entry, copied into every thread the story belongs to after the event (and
     * {@code alsoInto}), then {@code alsoDo}, and the story's new state last, so that a retry after a failure
     * anywhere redoes it all (every step is idempotent).
     */
    private void record(String storyId, long sequenceNumber, Instant at, String kind,
                        UnaryOperator<TimelineStory> change, Set<String> alsoInto, Runnable alsoDo) {
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
        TimelineStory after = change.apply(before).atVersion(sequenceNumber + 1);
        Document entry = TimelineEntries.of(after, at, kind);
        storyEntries.replaceOne(eq("_id", entry.getString("_id")), entry, new ReplaceOptions().upsert(true));
        List<String> into = new ArrayList<>(after.threads());
        alsoInto.stream().filter(thread -> !into.contains(thread)).forEach(into::add);
        into.forEach(thread -> putEntry(thread, entry));
        alsoDo.run();
        stories.replaceOne(eq("_id", storyId), after.toDocument(), new ReplaceOptions().upsert(true));
    }

    private void copyStoryEntriesInto(String thread, String storyId) {
        storyEntries.find(eq("storyId", storyId)).forEach(entry -> putEntry(thread, entry));
    }

    private void putEntry(String thread, Document storyEntry) {
        Document entry = TimelineEntries.inThread(thread, storyEntry);
        entries.replaceOne(eq("_id", entry.getString("_id")), entry, new ReplaceOptions().upsert(true));
    }

    /** When a story joined ({@code linked}) or left a thread; a set, so that a redelivery adds nothing. */
    private void joined(String thread, String storyId, Instant at, boolean linked) {
        memberships.updateOne(eq("_id", thread + "|" + storyId),
                              Updates.combine(Updates.setOnInsert("thread", thread),
                                              Updates.setOnInsert("storyId", storyId),
                                              Updates.addToSet("changes", new Document("at", Date.from(at))
                                                      .append("linked", linked))),
                              new UpdateOptions().upsert(true));
    }

    // --- queries

    @QueryHandler
    Optional<ThreadSummary> handle(FindThreadQuery query) {
        return Optional.ofNullable(threads.find(eq("_id", query.slug())).first()).map(this::summary);
    }

    @QueryHandler
    ThreadList handle(FindThreadsQuery query) {
        List<ThreadSummary> all = threads.find().map(this::summary).into(new ArrayList<>());
        all.sort(Comparator.comparing(ThreadSummary::lastActivity, Comparator.nullsLast(Comparator.reverseOrder()))
                           .thenComparing(ThreadSummary::openedAt, Comparator.reverseOrder()));
        return new ThreadList(all);
    }

    @QueryHandler
    Optional<TimelinePage> handle(FindTimelineQuery query) {
        if (threads.find(eq("_id", query.slug())).first() == null) {
            return Optional.empty();
        }
        List<Bson> filters = new ArrayList<>(List.of(eq("thread", query.slug()),
                                                     in("storyId", storiesIn(query.slug(), query.asOf()))));
        if (query.asOf() != null) {
            filters.add(lte("at", Date.from(query.asOf())));
        }
        if (query.cursor() != null) {
            TimelineCursor after = TimelineCursor.decode(query.cursor());
            Date at = Date.from(after.at());
            filters.add(or(lt("at", at), and(eq("at", at), lt("_id", after.entryId()))));
        }
        List<Document> page = entries.find(and(filters))
                                     .sort(Sorts.descending("at", "_id"))
                                     .limit(query.limit() + 1)
                                     .into(new ArrayList<>());
        String next = null;
        if (page.size() > query.limit()) {
            page = page.subList(0, query.limit());
            Document last = page.get(page.size() - 1);
            next = new TimelineCursor(last.getDate("at").toInstant(), last.getString("_id")).encode();
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

    /** The stories linked to the thread at the instant (now, when null): whoever joined last and has not left. */
    private List<String> storiesIn(String thread, Instant asOf) {
        List<String> linked = new ArrayList<>();
        memberships.find(eq("thread", thread)).forEach(membership -> {
            boolean in = false;
            Instant latest = Instant.MIN;
            for (Document change : membership.getList("changes", Document.class)) {
                Instant at = change.getDate("at").toInstant();
                if ((asOf == null || !at.isAfter(asOf)) && !at.isBefore(latest)) {
                    latest = at;
                    in = change.getBoolean("linked");
                }
            }
            if (in) {
                linked.add(membership.getString("storyId"));
            }
        });
        return linked;
    }

    private ThreadSummary summary(Document thread) {
        String slug = thread.getString("_id");
        List<String> linked = storiesIn(slug, null);
        List<Date> times = entries.find(and(eq("thread", slug), in("storyId", linked)))
                                  .map(entry -> entry.getDate("at"))
                                  .into(new ArrayList<>());
        Date closedAt = thread.getDate("closedAt");
        return new ThreadSummary(slug,
                                 thread.get(InOrderUpdates.VERSION, Number.class).longValue(),
                                 thread.getString("title"),
                                 thread.getString("description"),
                                 thread.getString("status"),
                                 thread.getDate("openedAt").toInstant(),
                                 closedAt == null ? null : closedAt.toInstant(),
                                 linked.size(),
                                 times.size(),
                                 times.stream().min(Date::compareTo).map(Date::toInstant).orElse(null),
                                 times.stream().max(Date::compareTo).map(Date::toInstant).orElse(null));
    }
}
