package news.storyline.brief.webhook;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;

/**
 * Which instance delivers to a webhook (collection {@code webhook-leases}, one document per held webhook): with
 * several brief-service instances, exactly one sends a webhook's events, so they arrive one at a time and in
 * order. A lease is taken by an insert (unique {@code _id}) or, once it has expired, by a conditional update; it
 * expires unless renewed, so an instance that dies leaves its webhooks to the others.
 */
@Component
class Leases {

    private final MongoCollection<Document> leases;
    private final String owner = UUID.randomUUID().toString();
    private final Duration duration;
    private final Clock clock;

    Leases(@Qualifier("storylineDatabase") MongoDatabase storylineDatabase, WebhookSettings settings) {
        this.leases = storylineDatabase.getCollection("webhook-leases");
        this.duration = settings.lease();
        this.clock = Clock.systemUTC();
    }

    /** Takes the lease on {@code webhookId} unless another instance holds it and it has not expired. */
    boolean acquire(String webhookId) {
        Date now = Date.from(clock.instant());
        boolean takenOver = leases.updateOne(
                Filters.and(Filters.eq("_id", webhookId),
                            Filters.or(Filters.eq("owner", owner), Filters.lt("expiresAt", now))),
                Updates.combine(Updates.set("owner", owner), Updates.set("expiresAt", expiry()))).getMatchedCount() == 1;
        if (takenOver) {
            return true;
        }
        try {
            leases.insertOne(new Document("_id", webhookId).append("owner", owner).append("expiresAt", expiry()));
            return true;
        } catch (MongoWriteException held) {
            if (held.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw held;
            }
            return false;
        }
    }

    /** Extends a lease this instance holds; {@code false} when it holds it no longer (expired and taken, or removed). */
    boolean renew(String webhookId) {
        return leases.updateOne(Filters.and(Filters.eq("_id", webhookId), Filters.eq("owner", owner)),
                                Updates.set("expiresAt", expiry())).getMatchedCount() == 1;
    }

    void release(String webhookId) {
        leases.deleteOne(Filters.and(Filters.eq("_id", webhookId), Filters.eq("owner", owner)));
    }

    /** Ends any instance's lease on a webhook that is being removed, so that its delivery stops at the next event. */
    void revoke(String webhookId) {
        leases.deleteOne(Filters.eq("_id", webhookId));
    }

    private Date expiry() {
        return Date.from(clock.instant().plus(duration));
    }
}
