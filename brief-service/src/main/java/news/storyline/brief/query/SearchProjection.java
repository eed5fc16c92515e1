package news.storyline.brief.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import news.storyline.api.query.Brief;
import news.storyline.api.query.SearchResults;
import news.storyline.api.query.SearchStoriesQuery;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.StoryEvent;
import news.storyline.api.story.StoryFiledEvent;
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

import static com.mongodb.client.model.Filters.all;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;

/**
 * Search over the current headline and lead of every story. MongoDB's text indexes are not available everywhere
 * Storyline runs (the embedded server has none), so each story keeps its own terms ({@link SearchTerms}) in an array
 * field: a query's terms must all be among them, the last one also as the start of a longer term, since readers
 * search as they type ("Хамен" finds "Хаменей"). That prefix is an anchored {@code $regex}, which a real MongoDB
 * answers from an index on the array and the embedded server by a scan.
 */
@Component
@ProcessingGroup(SearchProjection.NAME)
public class SearchProjection {

    static final String NAME = "search";
    private static final String COLLECTION = "search_index";
    private static final String TERMS = "terms";
    private static final String HEADLINE = "headline";
    private static final String LEAD = "lead";

    private final MongoCollection<Document> index;
    private final Teasers teasers;

    public SearchProjection(@Qualifier("readModels") MongoDatabase readModels, Teasers teasers) {
        this.index = readModels.getCollection(COLLECTION);
        this.teasers = teasers;
        // A term (a whole word, or a range of them for the last word's prefix), then the results' order: a search
        // with a whole word reads that word's stories newest first and stops at the page.
        index.createIndex(Indexes.compoundIndex(Indexes.ascending(TERMS), Indexes.descending("filedAt"),
                                                Indexes.ascending("_id")),
                          new IndexOptions().name("byTermNewestFirst"));
    }

    @EventHandler
    void on(StoryFiledEvent event, @SequenceNumber long sequenceNumber) {
        Document story = new Document(InOrderUpdates.VERSION, sequenceNumber + 1)
                .append(HEADLINE, event.headline())
                .append(LEAD, event.lead())
                .append(TERMS, terms(event.headline(), event.lead()))
                .append("place", event.dateline().place())
                .append("filedAt", Date.from(event.filedAt()));
        index.updateOne(eq("_id", event.storyId()), new Document("$setOnInsert", story),
                        new UpdateOptions().upsert(true));
    }

    /**
     * A new headline or lead changes the terms of both together, so the one that did not change is read from the
     * index. Should the index already be past this event (a redelivery), the update below does not apply anyway.
     */
    @EventHandler
    void on(StoryUpdatedEvent event, @SequenceNumber long sequenceNumber) {
        List<Bson> changes = new ArrayList<>();
        changes.add(Updates.set(InOrderUpdates.VERSION, sequenceNumber + 1));
        Document current = index.find(eq("_id", event.storyId())).first();
        if (current != null && (event.headline() != null || event.lead() != null)) {
            String headline = event.headline() != null ? event.headline() : current.getString(HEADLINE);
            String lead = event.lead() != null ? event.lead() : current.getString(LEAD);
            changes.add(Updates.set(HEADLINE, headline));
            changes.add(Updates.set(LEAD, lead));
            changes.add(Updates.set(TERMS, terms(headline, lead)));
        }
        InOrderUpdates.apply(index, event.storyId(), sequenceNumber, Updates.combine(changes));
    }

    /** A withdrawn story leaves the index; its document keeps only the version, for redeliveries. */
    @EventHandler
    void on(StoryWithdrawnEvent event, @SequenceNumber long sequenceNumber) {
        InOrderUpdates.apply(index, event.storyId(), sequenceNumber, Updates.combine(
                Updates.set(InOrderUpdates.VERSION, sequenceNumber + 1),
                Updates.unset(TERMS), Updates.unset(HEADLINE), Updates.unset(LEAD), Updates.unset("place")));
    }

    /** A story event search shows nothing of still counts towards the story's version. */
    @EventHandler
    void on(StoryEvent event, @SequenceNumber long sequenceNumber) {
        InOrderUpdates.apply(index, event.storyId(), sequenceNumber,
                             Updates.set(InOrderUpdates.VERSION, sequenceNumber + 1));
    }

    @QueryHandler
    SearchResults handle(SearchStoriesQuery query) {
        List<String> terms = SearchTerms.of(query.text());
        if (terms.isEmpty()) {
            return new SearchResults(query.text(), List.of());
        }
        List<String> whole = terms.subList(0, terms.size() - 1);
        String last = terms.get(terms.size() - 1);
        Bson found = whole.isEmpty() ? startsWith(last) : and(all(TERMS, whole), startsWith(last));
        List<Brief> results = index.find(found)
                                   .sort(Sorts.orderBy(Sorts.descending("filedAt"), Sorts.ascending("_id")))
                                   .limit(query.limit())
                                   .map(this::brief)
                                   .into(new ArrayList<>());
        return new SearchResults(query.text(), results);
    }

    @ResetHandler
    void reset() {
        index.deleteMany(new Document());
    }

    private static List<String> terms(String headline, String lead) {
        return SearchTerms.of(headline + "\n" + lead);
    }

    /**
     * Some term begins with {@code prefix}. Terms are letters and digits only, which need no escaping; anything else
     * is escaped all the same, and a plain prefix after the anchor is what lets MongoDB bound its index scan.
     */
    private static Bson startsWith(String prefix) {
        return regex(TERMS, "^" + prefix.replaceAll("[^\\p{L}\\p{N}]", "\\\\$0"));
    }

    private Brief brief(Document story) {
        return new Brief(story.getString("_id"), Dateline.of(story.getString("place")), story.getString(HEADLINE),
                         teasers.of(story.getString(LEAD)));
    }
}
