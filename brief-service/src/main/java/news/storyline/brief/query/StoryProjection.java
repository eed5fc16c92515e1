package news.storyline.brief.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import news.storyline.api.query.FindStoryQuery;
import news.storyline.api.query.StoryView;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.StoryAttributedEvent;
import news.storyline.api.story.StoryEvent;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryRelation;
import news.storyline.api.story.StoryUnlinkedEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.StoryWithdrawnEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * The current state of every story, one document each, changed in order by {@link InOrderUpdates}. Links to
 * other stories are kept as a map from story id to relation, so that linking again with another relation and
 * unlinking are single updates.
 */
@Component
@ProcessingGroup(StoryProjection.NAME)
public class StoryProjection {

    static final String NAME = "stories";
    private static final String PUBLISHED = "PUBLISHED";
    private static final String WITHDRAWN = "WITHDRAWN";

    private final MongoCollection<Document> stories;

    public StoryProjection(@Qualifier("readModels") MongoDatabase readModels) {
        this.stories = readModels.getCollection(NAME);
    }

    @EventHandler
    void on(StoryFiledEvent event, @SequenceNumber long sequenceNumber) {
        Document story = new Document(InOrderUpdates.VERSION, sequenceNumber + 1)
                .append("status", PUBLISHED)
                .append("headline", event.headline())
                .append("lead", event.lead())
                .append("body", event.body())
                .append("dateline", Datelines.toDocument(event.dateline()))
                .append("language", event.language())
                .append("desk", event.desk())
                .append("filedBy", Editors.toDocument(event.filedBy()))
                .append("filedAt", Date.from(event.filedAt()))
                .append("updatedAt", Date.from(event.filedAt()))
                .append("attributions", List.of())
                .append("threads", List.of())
                .append("links", new Document());
        stories.updateOne(eq("_id", event.storyId()), new Document("$setOnInsert", story),
                          new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(StoryUpdatedEvent event, @SequenceNumber long sequenceNumber) {
        List<Bson> changes = new ArrayList<>();
        if (event.headline() != null) {
            changes.add(Updates.set("headline", event.headline()));
        }
        if (event.lead() != null) {
            changes.add(Updates.set("lead", event.lead()));
        }
        if (event.body() != null) {
            changes.add(Updates.set("body", event.body()));
        }
        apply(event, sequenceNumber, event.updatedAt(), changes);
    }

    @EventHandler
    void on(StoryAttributedEvent event, @SequenceNumber long sequenceNumber) {
        List<Document> chain = event.chain().stream().map(Attributions::toDocument).toList();
        apply(event, sequenceNumber, event.attributedAt(), List.of(Updates.push("attributions", chain)));
    }

    @EventHandler
    void on(StoryLinkedEvent event, @SequenceNumber long sequenceNumber) {
        LinkTarget target = event.target();
        Bson change = target.kind() == LinkTarget.Kind.THREAD
                ? Updates.addToSet("threads", target.id())
                : Updates.set("links." + target.id(), target.relation().name());
        apply(event, sequenceNumber, event.linkedAt(), List.of(change));
    }

    @EventHandler
    void on(StoryUnlinkedEvent event, @SequenceNumber long sequenceNumber) {
        LinkTarget target = event.target();
        Bson change = target.kind() == LinkTarget.Kind.THREAD
                ? Updates.pull("threads", target.id())
                : Updates.unset("links." + target.id());
        apply(event, sequenceNumber, event.unlinkedAt(), List.of(change));
    }

    /** Read models keep the fact of a withdrawal and its reason, not the withdrawn text. */
    @EventHandler
    void on(StoryWithdrawnEvent event, @SequenceNumber long sequenceNumber) {
        apply(event, sequenceNumber, event.withdrawnAt(), List.of(
                Updates.set("status", WITHDRAWN),
                Updates.set("withdrawal", new Document("reason", event.reason())
                        .append("editor", Editors.toDocument(event.editor()))
                        .append("at", Date.from(event.withdrawnAt()))),
                Updates.unset("headline"), Updates.unset("lead"), Updates.unset("body")));
    }

    /** A story event this read model shows nothing of still counts towards the story's version. */
    @EventHandler
    void on(StoryEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        apply(event, sequenceNumber, at, List.of());
    }

    @QueryHandler
    Optional<StoryView> handle(FindStoryQuery query) {
        return Optional.ofNullable(stories.find(eq("_id", query.storyId())).first()).map(StoryProjection::view);
    }

    @ResetHandler
    void reset() {
        stories.deleteMany(new Document());
    }

    private void apply(StoryEvent event, long sequenceNumber, Instant at, List<Bson> changes) {
        List<Bson> all = new ArrayList<>(changes);
        all.add(Updates.set(InOrderUpdates.VERSION, sequenceNumber + 1));
        all.add(Updates.set("updatedAt", Date.from(at)));
        InOrderUpdates.apply(stories, event.storyId(), sequenceNumber, Updates.combine(all));
    }

    private static StoryView view(Document story) {
        return new StoryView(story.getString("_id"),
                             story.get(InOrderUpdates.VERSION, Number.class).longValue(),
                             story.getString("status"),
                             story.getString("headline"),
                             story.getString("lead"),
                             story.getString("body"),
                             Datelines.fromDocument(story.get("dateline", Document.class)),
                             story.getString("language"),
                             story.getString("desk"),
                             Editors.fromDocument(story.get("filedBy", Document.class)),
                             story.getDate("filedAt").toInstant(),
                             story.getDate("updatedAt").toInstant(),
                             Attributions.chainsFromDocuments(story.getList("attributions", Object.class, List.of())),
                             story.getList("threads", String.class, List.of()),
                             links(story),
                             withdrawal(story.get("withdrawal", Document.class)));
    }

    private static List<StoryView.Link> links(Document story) {
        Document links = story.get("links", new Document());
        return links.entrySet().stream()
                    .map((Map.Entry<String, Object> link) -> new StoryView.Link(
                            link.getKey(), StoryRelation.valueOf((String) link.getValue())))
                    .toList();
    }

    private static StoryView.Withdrawal withdrawal(Document withdrawal) {
        return withdrawal == null ? null
                : new StoryView.Withdrawal(withdrawal.getString("reason"),
                                           Editors.fromDocument(withdrawal.get("editor", Document.class)),
                                           withdrawal.getDate("at").toInstant());
    }
}
