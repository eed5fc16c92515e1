package news.storyline.brief.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import news.storyline.api.query.FindStoryQuery;
import news.storyline.api.query.StoryView;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/** The current state of every story, one document each, changed in order by {@link InOrderUpdates}. */
@Component
@ProcessingGroup(StoryProjection.NAME)
public class StoryProjection {

    static final String NAME = "stories";

    private final MongoCollection<Document> stories;

    public StoryProjection(MongoDatabase storylineDatabase) {
        this.stories = storylineDatabase.getCollection(NAME);
    }

    @EventHandler
    void on(StoryFiledEvent event, @SequenceNumber long sequenceNumber) {
        Document story = new Document(InOrderUpdates.VERSION, sequenceNumber + 1)
                .append("status", "PUBLISHED")
                .append("headline", event.headline())
                .append("lead", event.lead())
                .append("body", event.body())
                .append("dateline", Datelines.toDocument(event.dateline()))
                .append("language", event.language())
                .append("desk", event.desk())
                .append("filedBy", event.filedBy())
                .append("filedAt", Date.from(event.filedAt()))
                .append("updatedAt", Date.from(event.filedAt()));
        stories.updateOne(eq("_id", event.storyId()), new Document("$setOnInsert", story),
                          new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(StoryUpdatedEvent event, @SequenceNumber long sequenceNumber) {
        List<Bson> changes = new ArrayList<>();
        changes.add(Updates.set(InOrderUpdates.VERSION, sequenceNumber + 1));
        changes.add(Updates.set("updatedAt", Date.from(event.updatedAt())));
        if (event.headline() != null) {
            changes.add(Updates.set("headline", event.headline()));
        }
        if (event.lead() != null) {
            changes.add(Updates.set("lead", event.lead()));
        }
        if (event.body() != null) {
            changes.add(Updates.set("body", event.body()));
        }
        InOrderUpdates.apply(stories, event.storyId(), sequenceNumber, Updates.combine(changes));
    }

    @QueryHandler
    Optional<StoryView> handle(FindStoryQuery query) {
        return Optional.ofNullable(stories.find(eq("_id", query.storyId())).first()).map(StoryProjection::view);
    }

    @ResetHandler
    void reset() {
        stories.deleteMany(new Document());
    }


    private static StoryView view(Document story) {
        return new StoryView(story.getString("_id"),
                             story.get("version", Number.class).longValue(),
                             story.getString("status"),
                             story.getString("headline"),
                             story.getString("lead"),
                             story.getString("body"),
                             Datelines.fromDocument(story.get("dateline", Document.class)),
                             story.getString("language"),
                             story.getString("desk"),
                             story.getString("filedBy"),
                             story.getDate("filedAt").toInstant(),
                             story.getDate("updatedAt").toInstant());
    }
}
