package news.storyline.story.web.idempotency;

import com.mongodb.client.MongoDatabase;
import news.storyline.testsupport.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The store against MongoDB (or the embedded server), with a clock the test moves. */
class IdempotencyStoreIT {

    private static final Duration RETENTION = Duration.ofHours(24);
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(20);
    private static final String HOLDER = "instance-1";
    private static final IdempotencyScope SCOPE = new IdempotencyScope("key-1", "editor-1", "POST", "/api/stories");
    private static final StoredResponse CREATED = new StoredResponse(
            201, Map.of("Location", "/api/stories/s-1", "Content-Type", "application/json"),
            "{\"id\":\"s-1\",\"version\":1}".getBytes(StandardCharsets.UTF_8));

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private MongoDatabase database;
    private IdempotencyStore store;

    @BeforeEach
    void setUp() {
        database = TestMongo.client().getDatabase(TestMongo.freshDatabaseName("idempotency"));
        store = new IdempotencyStore(database, RETENTION, CLAIM_TIMEOUT, clock);
    }

    @Test
    void letsOneRequestClaimAKey() {
        assertThat(store.tryClaim(SCOPE, "fingerprint", HOLDER)).isTrue();
        assertThat(store.tryClaim(SCOPE, "fingerprint", HOLDER)).isFalse();
        assertThat(store.find(SCOPE)).hasValueSatisfying(record -> {
            assertThat(record.requestFingerprint()).isEqualTo("fingerprint");
            assertThat(record.isAnswered()).isFalse();
        });
    }

    @Test
    void letsExactlyOneOfManyRacingRequestsClaimAKey() throws Exception {
        int racers = 10;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                claims.add(() -> store.tryClaim(SCOPE, "fingerprint", HOLDER));
            }
            List<Boolean> won = new ArrayList<>();
            for (Future<Boolean> claim : pool.invokeAll(claims)) {
                won.add(claim.get());
            }

            assertThat(won).containsOnlyOnce(true);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keepsTheSameKeyOfAnotherCallerOrRouteApart() {
        store.tryClaim(SCOPE, "fingerprint", HOLDER);

        assertThat(store.tryClaim(new IdempotencyScope("key-1", "editor-2", "POST", "/api/stories"), "f", HOLDER)).isTrue();
        assertThat(store.tryClaim(new IdempotencyScope("key-1", "editor-1", "POST", "/api/threads"), "f", HOLDER)).isTrue();
    }

    @Test
    void keepsTheAnswer() {
        store.tryClaim(SCOPE, "fingerprint", HOLDER);

        store.complete(SCOPE, CREATED);

        IdempotencyRecord record = store.find(SCOPE).orElseThrow();
        assertThat(record.isAnswered()).isTrue();
        assertThat(record.response().status()).isEqualTo(201);
        assertThat(record.response().headers()).isEqualTo(CREATED.headers());
        assertThat(record.response().body()).isEqualTo(CREATED.body());
    }

    @Test
    void releasesAPendingKeyButNeverAnAnsweredOne() {
        store.tryClaim(SCOPE, "fingerprint", HOLDER);
        store.release(SCOPE);
        assertThat(store.find(SCOPE)).isEmpty();
        assertThat(store.tryClaim(SCOPE, "fingerprint", HOLDER)).isTrue();

        store.complete(SCOPE, CREATED);
        store.release(SCOPE);

        assertThat(store.find(SCOPE)).hasValueSatisfying(record -> assertThat(record.isAnswered()).isTrue());
    }

    @Test
    void letsARetryTakeOverAClaimWhoseHolderNeverAnswered() {
        store.tryClaim(SCOPE, "crashed", HOLDER);

        clock.advance(CLAIM_TIMEOUT);
        assertThat(store.tryClaim(SCOPE, "retry", HOLDER)).as("still held at the timeout").isFalse();
        clock.advance(Duration.ofSeconds(1));

        assertThat(store.find(SCOPE)).isEmpty();
        assertThat(store.tryClaim(SCOPE, "retry", HOLDER)).isTrue();
        assertThat(store.tryClaim(SCOPE, "another retry", HOLDER)).isFalse();
        assertThat(store.find(SCOPE)).hasValueSatisfying(
                record -> assertThat(record.requestFingerprint()).isEqualTo("retry"));
    }

    @Test
    void letsItsHolderReleaseAPendingClaimButNoOtherHolderAndNeverAnAnsweredOne() {
        store.tryClaim(SCOPE, "first", HOLDER);

        store.releaseClaimOf(SCOPE, "instance-2");
        assertThat(store.find(SCOPE)).hasValueSatisfying(record -> assertThat(record.holder()).isEqualTo(HOLDER));
        store.releaseClaimOf(SCOPE, HOLDER);
        assertThat(store.find(SCOPE)).isEmpty();

        store.tryClaim(SCOPE, "second", HOLDER);
        store.complete(SCOPE, CREATED);
        store.releaseClaimOf(SCOPE, HOLDER);
        assertThat(store.find(SCOPE)).hasValueSatisfying(record -> assertThat(record.isAnswered()).isTrue());
    }

    @Test
    void keepsAnAnswerPastTheClaimTimeout() {
        store.tryClaim(SCOPE, "first", HOLDER);
        store.complete(SCOPE, CREATED);

        clock.advance(CLAIM_TIMEOUT.multipliedBy(10));

        assertThat(store.tryClaim(SCOPE, "first", HOLDER)).isFalse();
        assertThat(store.find(SCOPE)).hasValueSatisfying(record -> assertThat(record.isAnswered()).isTrue());
    }

    @Test
    void forgetsARecordPastItsRetentionEvenWhereNoTtlMonitorRemovedIt() {
        store.tryClaim(SCOPE, "first", HOLDER);
        store.complete(SCOPE, CREATED);

        clock.advance(RETENTION);
        assertThat(store.find(SCOPE)).isPresent();
        clock.advance(Duration.ofSeconds(1));

        assertThat(store.find(SCOPE)).isEmpty();
        assertThat(store.tryClaim(SCOPE, "second", HOLDER)).isTrue();
        assertThat(store.find(SCOPE)).hasValueSatisfying(record -> {
            assertThat(record.requestFingerprint()).isEqualTo("second");
            assertThat(record.isAnswered()).isFalse();
        });
    }

    @Test
    void asksMongoDbToRemoveRecordsAfterTheRetention() {
        Document expiry = database.getCollection(IdempotencyStore.COLLECTION).listIndexes()
                                  .into(new ArrayList<>()).stream()
                                  .filter(index -> "expiry".equals(index.getString("name")))
                                  .findFirst().orElseThrow();

        assertThat(expiry.get("key", Document.class)).isEqualTo(new Document("createdAt", 1));
        assertThat(expiry.get("expireAfterSeconds", Number.class).longValue()).isEqualTo(RETENTION.toSeconds());
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The test's clock is in UTC");
        }
    }
}
