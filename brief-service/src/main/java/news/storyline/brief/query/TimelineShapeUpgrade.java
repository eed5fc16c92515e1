package news.storyline.brief.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import static com.mongodb.client.model.Filters.eq;

/**
 * Rebuilds, once, timelines written in an earlier shape, which the timeline's handlers and queries cannot read. The
 * first shape had entries without their membership marks and sort key, no thread summaries, and when stories joined
 * and left threads kept apart ({@code timeline_memberships}): read in it, every timeline would look empty. The second
 * had stories without the times of their first and last entries.
 * <p>
 * How: at start-up, before Axon starts the processors (as {@link FeedFormatUpgrade}), timelines with data but no
 * record of the current shape have the timeline processor's tokens deleted ({@link ProcessorTokens}), then their
 * documents, and the shape is recorded (collection {@code read_model_shapes}); with no tokens the processor replays
 * the store from the first event into the new shape. Until it has caught up, a thread shows less than it will, as on
 * a new installation. Timelines without data are of the current shape already: only the record is written. A rebuild
 * ({@code Rebuilds}) writes the current shape too, so the record holds for every later generation.
 */
@Component
class TimelineShapeUpgrade {

    /** The shape the timeline's handlers write; raise it with every change a stored timeline cannot be read in. */
    static final int SHAPE = 3;

    private static final Logger log = LoggerFactory.getLogger(TimelineShapeUpgrade.class);

    private final MongoCollection<Document> shapes;

    TimelineShapeUpgrade(MongoDatabase storylineDatabase, @Qualifier("readModels") MongoDatabase readModels,
                         ThreadTimelineProjection timelines, TokenStore tokens) {
        this.shapes = storylineDatabase.getCollection("read_model_shapes");
        Document recorded = shapes.find(eq("_id", ThreadTimelineProjection.NAME)).first();
        if (recorded == null || recorded.get("shape", Number.class).intValue() < SHAPE) {
            if (timelines.holdsAnything()) {
                log.warn("The timelines were written in an earlier shape; they are being rebuilt from the first event");
                ProcessorTokens.deleteAll(tokens, ThreadTimelineProjection.NAME,
                                          "The timelines must be rebuilt in their new shape");
                timelines.reset();
                readModels.getCollection("timeline_memberships").drop();
            }
            shapes.replaceOne(eq("_id", ThreadTimelineProjection.NAME),
                              new Document("_id", ThreadTimelineProjection.NAME).append("shape", SHAPE),
                              new ReplaceOptions().upsert(true));
        }
    }
}
