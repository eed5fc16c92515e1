package news.storyline.brief.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import news.storyline.api.query.Brief;
import news.storyline.api.query.BriefList;
import news.storyline.api.query.FindBriefsQuery;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.StoryEvent;
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
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

/** The news list: per story its dateline, headline and teaser, newest filing first. */
@Component
@ProcessingGroup(BriefProjection.NAME)
public class BriefProjection {

    static final String NAME = "briefs";
    private static final String WITHDRAWN = "withdrawn";
    private static final String THREADS = "threads";

    private final MongoCollection<Document> briefs;
    private final Teasers teasers;

    public BriefProjection(@Qualifier("readModels") MongoDatabase readModels, Teasers teasers) {
        this.briefs = readModels.getCollection(NAME);
        this.teasers = teasers;
        // In the list's order, so that a page reads as many briefs as it shows: newest first, ties by id, of all
        // stories or of one thread. A withdrawn brief has neither filing time nor threads (see the withdrawal), so
        // it sorts after every listed one and is in no thread's range.
        briefs.createIndex(Indexes.compoundIndex(Indexes.descending("filedAt"), Indexes.ascending("_id")),
                           new IndexOptions().name("newestFirstThenId"));
        briefs.createIndex(Indexes.compoundIndex(Indexes.ascending(THREADS), Indexes.descending("filedAt"),
                                                 Indexes.ascending("_id")),
                           new IndexOptions().name("inThreadNewestFirst"));
    }

    @EventHandler
    void on(StoryFiledEvent event, @SequenceNumber long sequenceNumber) {
        Document brief = new Document(InOrderUpdates.VERSION, sequenceNumber + 1)
                .append("place", event.dateline().place())
                .append("headline", event.headline())
                .append("teaser", teasers.of(event.lead()))
                .append("filedAt", Date.from(event.filedAt()));
        briefs.updateOne(eq("_id", event.storyId()), new Document("$setOnInsert", brief),
                         new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(StoryUpdatedEvent event, @SequenceNumber long sequenceNumber) {
        List<Bson> changes = new ArrayList<>();
        changes.add(Updates.set(InOrderUpdates.VERSION, sequenceNumber + 1));
        if (event.headline() != null) {
            changes.add(Updates.set("headline", event.headline()));
        }
        if (event.lead() != null) {
            changes.add(Updates.set("teaser", teasers.of(event.lead())));
        }
        InOrderUpdates.apply(briefs, event.storyId(), sequenceNumber, Updates.combine(changes));
    }

    /** The news list of a thread shows the stories linked to it. */
    @EventHandler
    void on(StoryLinkedEvent event, @SequenceNumber long sequenceNumber) {
        List<Bson> changes = new ArrayList<>(List.of(Updates.set(InOrderUpdates.VERSION, sequenceNumber + 1)));
        if (event.target().kind() == LinkTarget.Kind.THREAD) {
            changes.add(Updates.addToSet(THREADS, event.target().id()));
        }
        InOrderUpdates.apply(briefs, event.storyId(), sequenceNumber, Updates.combine(changes));
    }

    @EventHandler
    void on(StoryUnlinkedEvent event, @SequenceNumber long sequenceNumber) {
        List<Bson> changes = new ArrayList<>(List.of(Updates.set(InOrderUpdates.VERSION, sequenceNumber + 1)));
        if (event.target().kind() == LinkTarget.Kind.THREAD) {
            changes.add(Updates.pull(THREADS, event.target().id()));
        }
        InOrderUpdates.apply(briefs, event.storyId(), sequenceNumber, Updates.combine(changes));
    }

    /** A withdrawn story leaves the news list; its brief keeps only the version, for redeliveries. */
    @EventHandler
    void on(StoryWithdrawnEvent event, @SequenceNumber long sequenceNumber) {
        InOrderUpdates.apply(briefs, event.storyId(), sequenceNumber, Updates.combine(
                Updates.set(InOrderUpdates.VERSION, sequenceNumber + 1),
                Updates.set(WITHDRAWN, true),
                Updates.unset("headline"), Updates.unset("teaser"), Updates.unset("place"),
                Updates.unset("filedAt"), Updates.unset(THREADS)));
    }

    /** A story event the news list shows nothing of still counts towards the story's version. */
    @EventHandler
    void on(StoryEvent event, @SequenceNumber long sequenceNumber) {
        InOrderUpdates.apply(briefs, event.storyId(), sequenceNumber,
                             Updates.set(InOrderUpdates.VERSION, sequenceNumber + 1));
    }

    @QueryHandler
    BriefList handle(FindBriefsQuery query) {
        Bson shown = query.thread() == null ? ne(WITHDRAWN, true)
                : and(ne(WITHDRAWN, true), eq(THREADS, query.thread()));
        List<Brief> found = briefs.find(shown)
                                  .sort(Sorts.orderBy(Sorts.descending("filedAt"), Sorts.ascending("_id")))
                                  .limit(query.limit())
                                  .map(BriefProjection::brief)
                                  .into(new ArrayList<>());
        return new BriefList(found);
    }

    @ResetHandler
    void reset() {
        briefs.deleteMany(new Document());
    }

    private static Brief brief(Document document) {
        return new Brief(document.getString("_id"),
                         Dateline.of(document.getString("place")),
                         document.getString("headline"),
                         document.getString("teaser"));
    }
}
