package news.storyline.brief.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import news.storyline.api.query.FindStoryDiffQuery;
import news.storyline.api.query.FindStoryHistoryQuery;
import news.storyline.api.query.StoryDiff;
import news.storyline.api.query.StoryHistory;
import news.storyline.api.query.StoryRevision;
import news.storyline.api.query.StoryRevision.Kind;
import news.storyline.api.story.Editor;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.StoryAttributedEvent;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryUnlinkedEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.StoryWithdrawnEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * Every story's history: one document per event ({@code _id} "storyId:version"), saying who changed what and when,
 * with the headline, lead and body as they stood after it, so that any two versions can be compared without
 * replaying the events between them. Each revision is built on the one before it, and an event whose predecessor
 * is missing fails (to be retried); a redelivered event finds its revision there already and changes nothing.
 */
@Component
@ProcessingGroup(StoryHistoryProjection.NAME)
public class StoryHistoryProjection {

    static final String NAME = "history";
    private static final String COLLECTION = "revisions";
    private static final String STORY_ID = "storyId";
    private static final String VERSION = "version";
    private static final String HEADLINE = "headline";
    private static final String LEAD = "lead";
    private static final String BODY = "body";
    private static final List<String> TEXT = List.of(HEADLINE, LEAD, BODY);

    private final MongoCollection<Document> revisions;

    public StoryHistoryProjection(@Qualifier("readModels") MongoDatabase readModels) {
        this.revisions = readModels.getCollection(COLLECTION);
        revisions.createIndex(Indexes.ascending(STORY_ID, VERSION), new IndexOptions().name("byStory"));
    }

    @EventHandler
    void on(StoryFiledEvent event, @SequenceNumber long sequenceNumber) {
        Document revision = revision(event.storyId(), sequenceNumber, Kind.FILED, event.filedBy(),
                                     event.filedAt(), TEXT);
        revision.append(HEADLINE, event.headline()).append(LEAD, event.lead()).append(BODY, event.body());
        insert(revision);
    }

    @EventHandler
    void on(StoryUpdatedEvent event, @SequenceNumber long sequenceNumber) {
        if (recorded(event.storyId(), sequenceNumber)) {
            return;
        }
        Document text = textOf(predecessor(event.storyId(), sequenceNumber));
        List<String> changed = new ArrayList<>();
        change(text, changed, HEADLINE, event.headline());
        change(text, changed, LEAD, event.lead());
        change(text, changed, BODY, event.body());
        Document revision = revision(event.storyId(), sequenceNumber, Kind.valueOf(event.kind().name()),
                                     event.editor(), event.updatedAt(), changed);
        appendIfPresent(revision, "note", event.note());
        revision.putAll(text);
        insert(revision);
    }

    @EventHandler
    void on(StoryAttributedEvent event, @SequenceNumber long sequenceNumber) {
        carryText(event.storyId(), sequenceNumber, Kind.ATTRIBUTED, event.editor(), event.attributedAt(),
                  "attributions");
    }

    @EventHandler
    void on(StoryLinkedEvent event, @SequenceNumber long sequenceNumber) {
        carryText(event.storyId(), sequenceNumber, Kind.LINKED, event.editor(), event.linkedAt(),
                  linksOf(event.target()));
    }

    @EventHandler
    void on(StoryUnlinkedEvent event, @SequenceNumber long sequenceNumber) {
        carryText(event.storyId(), sequenceNumber, Kind.UNLINKED, event.editor(), event.unlinkedAt(),
                  linksOf(event.target()));
    }

    /**
     * Read models keep the fact of a withdrawal and its reason, not the withdrawn text: neither this revision nor
     * any earlier one keeps it. The text goes first, so that a failure in between leaves the revision missing and
     * the redelivered event does both again.
     */
    @EventHandler
    void on(StoryWithdrawnEvent event, @SequenceNumber long sequenceNumber) {
        if (recorded(event.storyId(), sequenceNumber)) {
            return;
        }
        // Every earlier revision must be there before the text is removed from them all.
        predecessor(event.storyId(), sequenceNumber);
        revisions.updateMany(eq(STORY_ID, event.storyId()),
                             Updates.combine(Updates.unset(HEADLINE), Updates.unset(LEAD), Updates.unset(BODY)));
        Document revision = revision(event.storyId(), sequenceNumber, Kind.WITHDRAWN, event.editor(),
                                     event.withdrawnAt(), List.of("status"));
        appendIfPresent(revision, "reason", event.reason());
        insert(revision);
    }

    @QueryHandler
    Optional<StoryHistory> handle(FindStoryHistoryQuery query) {
        List<StoryRevision> found = revisions.find(eq(STORY_ID, query.storyId()))
                                             .projection(Projections.exclude(TEXT))
                                             .sort(Sorts.ascending(VERSION))
                                             .map(StoryHistoryProjection::revisionOf)
                                             .into(new ArrayList<>());
        return found.isEmpty() ? Optional.empty() : Optional.of(new StoryHistory(query.storyId(), found));
    }

    @QueryHandler
    Optional<StoryDiff> handle(FindStoryDiffQuery query) {
        Document from = revisions.find(eq("_id", id(query.storyId(), query.from()))).first();
        Document to = revisions.find(eq("_id", id(query.storyId(), query.to()))).first();
        if (from == null || to == null || !from.containsKey(HEADLINE) || !to.containsKey(HEADLINE)) {
            return Optional.empty();
        }
        return Optional.of(new StoryDiff(query.storyId(), query.from(), query.to(),
                                         WordDiff.between(from.getString(HEADLINE), to.getString(HEADLINE)),
                                         WordDiff.between(from.getString(LEAD), to.getString(LEAD)),
                                         WordDiff.between(from.getString(BODY), to.getString(BODY))));
    }

    @ResetHandler
    void reset() {
        revisions.deleteMany(new Document());
    }

    /** A revision that changes no text: the text stands as the revision before left it. */
    private void carryText(String storyId, long sequenceNumber, Kind kind, Editor editor, Instant at,
                           String changed) {
        if (recorded(storyId, sequenceNumber)) {
            return;
        }
        Document revision = revision(storyId, sequenceNumber, kind, editor, at, List.of(changed));
        revision.putAll(textOf(predecessor(storyId, sequenceNumber)));
        insert(revision);
    }

    /** Whether the revision made by the event at {@code sequenceNumber} is there already: a redelivery. */
    private boolean recorded(String storyId, long sequenceNumber) {
        return revisions.find(eq("_id", id(storyId, sequenceNumber + 1))).projection(Projections.include("_id"))
                        .first() != null;
    }

    /** The revision before the one made by the event at {@code sequenceNumber}, which that one builds on. */
    private Document predecessor(String storyId, long sequenceNumber) {
        Document previous = revisions.find(eq("_id", id(storyId, sequenceNumber))).first();
        if (previous == null) {
            // A story's events arrive in order; a missing predecessor is a fault worth a retry, not a skip.
            throw new IllegalStateException("The history of " + storyId + " lacks version " + sequenceNumber
                                                    + " and cannot take event " + sequenceNumber + " yet");
        }
        return previous;
    }

    /** Inserts a revision unless it exists; a filing delivered again changes nothing. */
    private void insert(Document revision) {
        String id = id(revision.getString(STORY_ID), revision.getLong(VERSION));
        revisions.updateOne(eq("_id", id), new Document("$setOnInsert", revision), new UpdateOptions().upsert(true));
    }

    private static Document revision(String storyId, long sequenceNumber, Kind kind, Editor editor, Instant at,
                                     List<String> changed) {
        return new Document(STORY_ID, storyId)
                .append(VERSION, sequenceNumber + 1)
                .append("at", Date.from(at))
                .append("editor", Editors.toDocument(editor))
                .append("kind", kind.name())
                .append("changed", changed);
    }

    private static StoryRevision revisionOf(Document revision) {
        return new StoryRevision(revision.get(VERSION, Number.class).longValue(),
                                 revision.getDate("at").toInstant(),
                                 Editors.fromDocument(revision.get("editor", Document.class)),
                                 Kind.valueOf(revision.getString("kind")),
                                 revision.getString("note"),
                                 revision.getString("reason"),
                                 revision.getList("changed", String.class));
    }

    private static Document textOf(Document revision) {
        Document text = new Document();
        for (String field : TEXT) {
            if (revision.containsKey(field)) {
                text.append(field, revision.get(field));
            }
        }
        return text;
    }

    /** Sets a field the event gives a value, and counts it as changed when the value differs from the one before. */
    private static void change(Document text, List<String> changed, String field, String value) {
        if (value != null && !value.equals(text.get(field))) {
            text.put(field, value);
            changed.add(field);
        }
    }

    /** What a link or unlink changes, named as the story view names it. */
    private static String linksOf(LinkTarget target) {
        return target.kind() == LinkTarget.Kind.THREAD ? "threads" : "links";
    }

    private static void appendIfPresent(Document document, String field, String value) {
        if (value != null) {
            document.append(field, value);
        }
    }

    private static String id(String storyId, long version) {
        return storyId + ":" + version;
    }
}
