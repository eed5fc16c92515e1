package news.storyline.story.web.idempotency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

/**
 * The {@code idempotency} collection: one document for each key in its {@link IdempotencyScope}, which is its
 * {@code _id}. Claiming a key is inserting its pending document; the unique {@code _id} lets exactly one of several
 * racing requests, in one process or many, do that (MongoDB refuses the others with error 11000).
 * <p>
 * Records are kept for the retention. MongoDB removes older ones through a TTL index, but only when its TTL
 * monitor comes round (once a minute), and the embedded server of the tests and the local stack ignores TTL
 * indexes altogether; so a record's age is also checked whenever it is read, and an expired one counts as absent.
 * <p>
 * A claim that has had no answer for the claim timeout is abandoned: its holder crashed (or lost its store)
 * between claiming and answering. It counts as absent too, so that the client's retry runs again within seconds
 * rather than being refused for the whole retention; what the holder may already have done is made harmless by
 * the write itself (a filing's story id is derived from its key, a change carries its {@code If-Match}).
 */
public class IdempotencyStore {

    static final String COLLECTION = "idempotency";
    private static final String FINGERPRINT = "requestFingerprint";
    private static final String HOLDER = "holder";
    private static final String CREATED_AT = "createdAt";
    private static final String RESPONSE = "response";
    private static final String STATUS = "status";
    private static final String HEADERS = "headers";
    private static final String BODY = "body";

    private final MongoCollection<Document> records;
    private final Duration retention;
    private final Duration claimTimeout;
    private final Clock clock;

    public IdempotencyStore(MongoDatabase database, Duration retention, Duration claimTimeout, Clock clock) {
        this.records = database.getCollection(COLLECTION);
        this.retention = retention;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
        records.createIndex(Indexes.ascending(CREATED_AT),
                            new IndexOptions().name("expiry").expireAfter(retention.toSeconds(), TimeUnit.SECONDS));
    }

    /**
     * @param holder the service instance claiming it, so that it can tell its own claims that no request runs any
     *               more from those of requests still running elsewhere
     * @return whether the caller now holds the key; false while another request holds it or has answered
     */
    public boolean tryClaim(IdempotencyScope scope, String requestFingerprint, String holder) {
        return insertPending(scope, requestFingerprint, holder)
                || deleteIfExpiredOrAbandoned(scope) && insertPending(scope, requestFingerprint, holder);
    }

    /** @return the key's record, unless there is none, it has expired or its claim was abandoned */
    public Optional<IdempotencyRecord> find(IdempotencyScope scope) {
        Document found = records.find(eq("_id", id(scope))).first();
        if (found == null) {
            return Optional.empty();
        }
        Instant createdAt = found.getDate(CREATED_AT).toInstant();
        Document response = found.get(RESPONSE, Document.class);
        if (isExpired(createdAt) || response == null && isAbandoned(createdAt)) {
            return Optional.empty();
        }
        return Optional.of(new IdempotencyRecord(found.getString(FINGERPRINT), found.getString(HOLDER),
                                                 response == null ? null : storedResponse(response)));
    }

    /** Keeps the answer of the request that holds the key, for its retries. */
    public void complete(IdempotencyScope scope, StoredResponse response) {
        Document headers = new Document();
        response.headers().forEach(headers::append);
        records.updateOne(and(eq("_id", id(scope)), exists(RESPONSE, false)),
                          Updates.set(RESPONSE, new Document(STATUS, response.status())
                                  .append(HEADERS, headers)
                                  .append(BODY, new Binary(response.body()))));
    }

    /** Lets the key go without an answer, so that a retry runs again. An answered key is never released. */
    public void release(IdempotencyScope scope) {
        records.deleteOne(and(eq("_id", id(scope)), exists(RESPONSE, false)));
    }

    /** Lets the key go if it is still pending under this holder: a claim it knows no request of its own runs for. */
    public void releaseClaimOf(IdempotencyScope scope, String holder) {
        records.deleteOne(and(eq("_id", id(scope)), exists(RESPONSE, false), eq(HOLDER, holder)));
    }

    private boolean insertPending(IdempotencyScope scope, String requestFingerprint, String holder) {
        try {
            records.insertOne(new Document("_id", id(scope))
                                      .append(FINGERPRINT, requestFingerprint)
                                      .append(HOLDER, holder)
                                      .append(CREATED_AT, Date.from(clock.instant())));
            return true;
        } catch (MongoWriteException taken) {
            if (ErrorCategory.fromErrorCode(taken.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw taken;
        }
    }

    /**
     * Removes the key's record only if it has expired or is an abandoned claim; of two racers that both found it
     * so, one removes it.
     */
    private boolean deleteIfExpiredOrAbandoned(IdempotencyScope scope) {
        Instant now = clock.instant();
        Bson expired = lt(CREATED_AT, Date.from(now.minus(retention)));
        Bson abandoned = and(exists(RESPONSE, false), lt(CREATED_AT, Date.from(now.minus(claimTimeout))));
        return records.deleteOne(and(eq("_id", id(scope)), or(expired, abandoned))).getDeletedCount() == 1;
    }

    private boolean isExpired(Instant createdAt) {
        return createdAt.plus(retention).isBefore(clock.instant());
    }

    private boolean isAbandoned(Instant claimedAt) {
        return claimedAt.plus(claimTimeout).isBefore(clock.instant());
    }

    private static Document id(IdempotencyScope scope) {
        return new Document("key", scope.key())
                .append("caller", scope.caller())
                .append("method", scope.method())
                .append("path", scope.path());
    }

    private static StoredResponse storedResponse(Document response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.get(HEADERS, Document.class).forEach((name, value) -> headers.put(name, (String) value));
        return new StoredResponse(response.getInteger(STATUS), headers, response.get(BODY, Binary.class).getData());
    }
}
