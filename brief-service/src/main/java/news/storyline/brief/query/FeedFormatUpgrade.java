package news.storyline.brief.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import news.storyline.brief.feed.FeedHead;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import static news.storyline.brief.feed.FeedDocument.CLOUD_EVENT;
import static news.storyline.brief.feed.FeedDocument.POSITION;

/**
 * Rebuilds, once, a feed written before its documents carried the CloudEvent. Such a feed's positions were never
 * published (nothing served them), so the feed may be built again in the new format, which a feed of the new format
 * never is.
 * <p>
 * How: at start-up, before Axon starts the processors (this runs as the bean is created; processors start when the
 * context has finished refreshing), a feed whose first or last document lacks {@code cloudEvent} has its processor's
 * token deleted, then its membership and documents. With no token, the processor starts from the first event in the
 * store, as on a new installation. The token goes first: were the service stopped half-way, the old documents left
 * behind are found again at the next start, whereas documents deleted under a surviving token would leave a feed
 * that starts in the middle of the store.
 * <p>
 * The two ends are enough, and cost two lookups on the primary index instead of a scan at every start: an upgrade
 * cut short leaves only old documents, and one writer at a time (the single segment's claim) cannot interleave the
 * formats; old documents after new ones would be an old instance writing on, caught at the last position.
 * <p>
 * Deleting a token takes its claim: should another instance still be running the old feed, the claim is its own and
 * the start fails with that said, instead of two instances writing the feed in two formats.
 * <p>
 * A feed of the new format written before its head was kept ({@link FeedHead}) gets its head from its last
 * document, one more lookup on the primary index.
 */
@Component
class FeedFormatUpgrade {

    private static final Logger log = LoggerFactory.getLogger(FeedFormatUpgrade.class);

    private final MongoCollection<Document> feed;
    private final FeedStoryThreads storyThreads;
    private final FeedHead head;
    private final TokenStore tokens;

    FeedFormatUpgrade(MongoDatabase storylineDatabase, TokenStore tokens) {
        this.feed = storylineDatabase.getCollection(FeedProjection.NAME);
        this.storyThreads = new FeedStoryThreads(storylineDatabase);
        this.head = new FeedHead(storylineDatabase);
        this.tokens = tokens;
        rebuildAnOldFeed();
    }

    private void rebuildAnOldFeed() {
        if (isNewFormat(Sorts.ascending(POSITION)) && isNewFormat(Sorts.descending(POSITION))) {
            // A feed written before its head was kept gets it here; for any other this changes nothing.
            head.catchUpWithFeed();
            return;
        }
        log.warn("The feed was written before it carried CloudEvents; it is being rebuilt from the first event");
        ProcessorTokens.deleteAll(tokens, FeedProjection.NAME, "The feed must be rebuilt in the CloudEvents format");
        storyThreads.clear();
        head.clear();
        feed.deleteMany(new Document());
    }

    /** Whether the document first in {@code order} is of the new format, or there is none. */
    private boolean isNewFormat(Bson order) {
        Document end = feed.find().sort(order).projection(Projections.include(CLOUD_EVENT)).limit(1).first();
        return end == null || end.containsKey(CLOUD_EVENT);
    }
}
