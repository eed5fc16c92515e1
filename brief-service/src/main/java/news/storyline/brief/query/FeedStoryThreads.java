package news.storyline.brief.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.StoryEvent;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryUnlinkedEvent;
import news.storyline.brief.feed.CloudEventMapping;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * Which threads each story is linked to, as the feed has seen so far: the feed's own, so that it depends on no
 * rebuildable read model and is kept by the feed's single, ordered processor. Links and unlinks are a set's add and
 * remove, so an event applied twice (a redelivery after a failed append) leaves the same membership.
 */
class FeedStoryThreads {

    static final String COLLECTION = "feed_story_threads";
    private static final String THREADS = "threads";

    private final MongoCollection<Document> memberships;

    FeedStoryThreads(MongoDatabase database) {
        this.memberships = database.getCollection(COLLECTION);
    }

    /**
     * Applies the event to the membership and answers the threads it concerns: a thread's event its own thread; a
     * story's event the threads the story is linked to after it, and for an unlink also the thread it left, whose
     * followers should learn that the story left. A story just filed is linked to nothing yet, so its filing is
     * answered without a lookup.
     */
    List<String> concernedBy(Object payload) {
        if (!(payload instanceof StoryEvent story)) {
            return List.of(CloudEventMapping.subject(payload));
        }
        if (payload instanceof StoryFiledEvent) {
            return List.of();
        }
        if (payload instanceof StoryLinkedEvent linked && isThread(linked.target())) {
            return update(story.storyId(), Updates.addToSet(THREADS, linked.target().id()));
        }
        if (payload instanceof StoryUnlinkedEvent unlinked && isThread(unlinked.target())) {
            List<String> threads = new ArrayList<>(update(story.storyId(), Updates.pull(THREADS, unlinked.target().id())));
            threads.add(unlinked.target().id());
            return threads;
        }
        return threads(memberships.find(eq("_id", story.storyId())).first());
    }

    void clear() {
        memberships.deleteMany(new Document());
    }

    private List<String> update(String storyId, Bson change) {
        return threads(memberships.findOneAndUpdate(eq("_id", storyId), change, new FindOneAndUpdateOptions()
                .upsert(true).returnDocument(ReturnDocument.AFTER)));
    }

    private static boolean isThread(LinkTarget target) {
        return target.kind() == LinkTarget.Kind.THREAD;
    }

    private static List<String> threads(Document membership) {
        return membership == null ? List.of() : membership.getList(THREADS, String.class, List.of());
    }
}
