package news.storyline.brief.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import news.storyline.api.query.FindStoriesBySourceQuery;
import news.storyline.api.query.SourceStories;
import news.storyline.api.query.SourceStories.AttributedStory;
import news.storyline.api.source.SourceRegistry;
import news.storyline.api.story.AttributionRole;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.StoryAttributedEvent;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

/**
 * Which stories each source is in the attribution chains of, newest filing first: per story the hops of all its
 * chains ({@link SourceMatch} says how they are stored and found), its threads, and what the list shows of it.
 */
@Component
@ProcessingGroup(SourceIndexProjection.NAME)
public class SourceIndexProjection {

    static final String NAME = "sources";
    private static final String COLLECTION = "source_index";
    private static final String HOPS = "hops";
    private static final String THREADS = "threads";
    private static final String WITHDRAWN = "withdrawn";

    private final MongoCollection<Document> index;
    private final SourceRegistry registry;

    public SourceIndexProjection(@Qualifier("readModels") MongoDatabase readModels, SourceRegistry registry) {
        this.index = readModels.getCollection(COLLECTION);
        this.registry = registry;
        // Each way a hop names a source, then the answer's order: each index reads one source's stories newest
        // first, and the two (see SourceMatch#filter) merge in that order up to the page.
        for (String field : List.of(SourceMatch.SOURCE_ID, SourceMatch.KEY)) {
            index.createIndex(Indexes.compoundIndex(Indexes.ascending(HOPS + "." + field),
                                                    Indexes.descending("filedAt"), Indexes.ascending("_id")),
                              new IndexOptions().name("by_" + field + "_newestFirst"));
        }
    }

    @EventHandler
    void on(StoryFiledEvent event, @SequenceNumber long sequenceNumber) {
        Document story = new Document(InOrderUpdates.VERSION, sequenceNumber + 1)
                .append("headline", event.headline())
                .append("place", event.dateline().place())
                .append("filedAt", Date.from(event.filedAt()))
                .append(HOPS, List.of())
                .append(THREADS, List.of());
        index.updateOne(eq("_id", event.storyId()), new Document("$setOnInsert", story),
                        new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(StoryUpdatedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event, sequenceNumber, event.headline() == null ? List.of()
                : List.of(Updates.set("headline", event.headline())));
    }

    /** A source named twice in the same role (in two chains) is kept once: the list shows each role once anyway. */
    @EventHandler
    void on(StoryAttributedEvent event, @SequenceNumber long sequenceNumber) {
        List<Document> hops = event.chain().stream().map(SourceMatch::hop).toList();
        apply(event, sequenceNumber, List.of(Updates.addEachToSet(HOPS, hops)));
    }

    @EventHandler
    void on(StoryLinkedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event, sequenceNumber, event.target().kind() == LinkTarget.Kind.THREAD
                ? List.of(Updates.addToSet(THREADS, event.target().id())) : List.of());
    }

    @EventHandler
    void on(StoryUnlinkedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event, sequenceNumber, event.target().kind() == LinkTarget.Kind.THREAD
                ? List.of(Updates.pull(THREADS, event.target().id())) : List.of());
    }

    /** A withdrawn story leaves every source's list; its document keeps only the version, for redeliveries. */
    @EventHandler
    void on(StoryWithdrawnEvent event, @SequenceNumber long sequenceNumber) {
        apply(event, sequenceNumber, List.of(Updates.set(WITHDRAWN, true), Updates.unset("headline"),
                                             Updates.unset("place"), Updates.unset(HOPS), Updates.unset(THREADS)));
    }

    /** A story event this index shows nothing of still counts towards the story's version. */
    @EventHandler
    void on(StoryEvent event, @SequenceNumber long sequenceNumber) {
        apply(event, sequenceNumber, List.of());
    }

    @QueryHandler
    SourceStories handle(FindStoriesBySourceQuery query) {
        SourceMatch match = registry.resolve(query.source())
                                    .map(SourceMatch::known)
                                    .orElseGet(() -> SourceMatch.unknown(query.source()));
        List<Bson> filters = new ArrayList<>(List.of(ne(WITHDRAWN, true), match.filter(HOPS)));
        if (query.thread() != null) {
            filters.add(eq(THREADS, query.thread()));
        }
        List<AttributedStory> stories = index.find(and(filters))
                                             .sort(Sorts.orderBy(Sorts.descending("filedAt"), Sorts.ascending("_id")))
                                             .limit(query.limit())
                                             .map(story -> attributedStory(story, match))
                                             .into(new ArrayList<>());
        return new SourceStories(match.source(), stories);
    }

    @ResetHandler
    void reset() {
        index.deleteMany(new Document());
    }

    private void apply(StoryEvent event, long sequenceNumber, List<Bson> changes) {
        List<Bson> all = new ArrayList<>(changes);
        all.add(Updates.set(InOrderUpdates.VERSION, sequenceNumber + 1));
        InOrderUpdates.apply(index, event.storyId(), sequenceNumber, Updates.combine(all));
    }

    private static AttributedStory attributedStory(Document story, SourceMatch match) {
        Set<AttributionRole> roles = EnumSet.noneOf(AttributionRole.class);
        for (Document hop : story.getList(HOPS, Document.class)) {
            if (match.matches(hop)) {
                roles.add(SourceMatch.role(hop));
            }
        }
        return new AttributedStory(story.getString("_id"), story.getString("headline"),
                                   Dateline.of(story.getString("place")), story.getDate("filedAt").toInstant(),
                                   List.copyOf(roles), story.getList(THREADS, String.class));
    }
}
