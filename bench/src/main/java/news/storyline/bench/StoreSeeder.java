package news.storyline.bench;

import com.mongodb.client.MongoDatabase;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.thread.ThreadOpenedEvent;
import news.storyline.eventstore.EventStoreCollections;
import news.storyline.eventstore.GlobalIndexMongoEventStorageEngine;
import news.storyline.eventstore.StorylineJson;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Grows the event store fast by appending events straight into it, as story-service would have written them: through
 * the store's own engine ({@link GlobalIndexMongoEventStorageEngine}, positions from its counter, so they stay dense
 * and unique) with the services' serializer ({@link StorylineJson}), each story a {@code StoryFiledEvent} and a
 * {@code StoryLinkedEvent} to one of the bench's threads. brief-service then projects them as it would any
 * story-service's writes.
 */
final class StoreSeeder {

    /** Events per append: one counter increment and one insertMany each. */
    private static final int STORIES_PER_BATCH = 250;
    private static final String STORY = "Story";
    private static final String NEWS_THREAD = "NewsThread";
    private static final int EVENTS_PER_STORY = 2;
    private static final Editor EDITOR = new Editor("bench-seeder", "Bench seeder");

    private final MongoDatabase storyline;
    private final GlobalIndexMongoEventStorageEngine store;
    private final List<String> threads;
    private long stories;
    private String lastStoryId;
    private String lastThread;

    /** {@code threads} are opened at once; stories are linked to them in turn, the first getting every n-th. */
    StoreSeeder(MongoDatabase storyline, List<String> threads) {
        this.storyline = storyline;
        this.store = GlobalIndexMongoEventStorageEngine.builder()
                                                       .database(storyline)
                                                       .eventSerializer(StorylineJson.serializer())
                                                       .snapshotSerializer(StorylineJson.serializer())
                                                       .build();
        this.threads = threads;
        Instant now = Instant.now();
        List<EventMessage<?>> opened = new ArrayList<>();
        for (String slug : threads) {
            ThreadOpenedEvent event = new ThreadOpenedEvent(slug, "Bench " + slug, null, EDITOR, now);
            opened.add(new GenericDomainEventMessage<>(NEWS_THREAD, slug, 0, event));
        }
        store.appendEvents(opened);
    }

    /** The events in the store now, whoever wrote them. */
    long events() {
        return storyline.getCollection(EventStoreCollections.DEFAULTS.events()).estimatedDocumentCount();
    }

    /** The last story seeded, to tell when brief-service has projected everything; null before the first. */
    String lastStoryId() {
        return lastStoryId;
    }

    /** The thread the last story was linked to. */
    String lastThread() {
        return lastThread;
    }

    /** How many timeline entries the bench's stories make in {@code thread}: each is filed, then linked. */
    long entriesIn(String thread) {
        int index = threads.indexOf(thread);
        long linked = stories / threads.size() + (index < stories % threads.size() ? 1 : 0);
        return linked * EVENTS_PER_STORY;
    }

    /**
     * Appends stories until the store holds at least {@code target} events, and at least one story, so that there
     * is always a last story to wait for and read; {@code progress} hears the count.
     */
    void growTo(long target, LongConsumer progress) {
        long events = events();
        boolean first = true;
        while (events < target || first) {
            first = false;
            int batch = (int) Math.min(STORIES_PER_BATCH,
                                       Math.max(1, (target - events + 1) / EVENTS_PER_STORY));
            List<EventMessage<?>> messages = new ArrayList<>(batch * EVENTS_PER_STORY);
            for (int i = 0; i < batch; i++) {
                messages.addAll(story(stories++));
            }
            store.appendEvents(messages);
            events += messages.size();
            progress.accept(events);
        }
    }

    private List<EventMessage<?>> story(long n) {
        String id = UUID.randomUUID().toString();
        String thread = threads.get((int) (n % threads.size()));
        Instant now = Instant.now();
        StoryFiledEvent filed = new StoryFiledEvent(id, StoryText.HEADLINE + " (" + n + ")", StoryText.LEAD,
                                                    StoryText.BODY, Dateline.of(StoryText.PLACE), "bg", null, EDITOR,
                                                    now);
        StoryLinkedEvent linked = new StoryLinkedEvent(id, LinkTarget.thread(thread), EDITOR, now);
        lastStoryId = id;
        lastThread = thread;
        return List.of(new GenericDomainEventMessage<>(STORY, id, 0, filed),
                       new GenericDomainEventMessage<>(STORY, id, 1, linked));
    }
}
