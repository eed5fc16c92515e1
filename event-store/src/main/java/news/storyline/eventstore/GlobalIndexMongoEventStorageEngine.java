package news.storyline.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static news.storyline.eventstore.EventDocuments.AGGREGATE_ID;
import static news.storyline.eventstore.EventDocuments.GLOBAL_INDEX;
import static news.storyline.eventstore.EventDocuments.ID;
import static news.storyline.eventstore.EventDocuments.SEQUENCE_NUMBER;
import static news.storyline.eventstore.EventDocuments.STORED_AT;
import static news.storyline.eventstore.EventDocuments.TIMESTAMP;

/**
 * An Axon event storage engine on MongoDB that gives every event a place in one global order, the way Axon's
 * relational engines do, instead of ordering by timestamps as Axon's MongoDB extension does:
 * <ul>
 *     <li>a writer reserves positions from a counter document, then inserts its events; a unique index on
 *     {@code (aggregateIdentifier, sequenceNumber)} refuses a second event at the same place in an aggregate's
 *     stream, and a unique index on {@code globalIndex} a second event at the same global position;</li>
 *     <li>readers follow the positions with a {@link GapAwareTrackingToken}: a position they pass that holds no
 *     event yet is a gap, and they look at it again on every fetch until its event lands (a slow commit) or until
 *     {@code gapTimeout} shows that it never will (a failed commit or a crashed writer);</li>
 *     <li>a position given up on is fenced off: a marker takes it in the unique index first, so that a commit later
 *     than the timeout fails there and its events take new positions, where readers find them. Whichever lands
 *     first, the event or the marker, the index keeps it: an event is never stored where readers no longer look.
 *     </li>
 * </ul>
 * MongoDB without transactions makes each event's insert atomic, not a batch: when a later event of one append
 * fails, the events of that append already written are removed again before the failure is reported.
 */
public class GlobalIndexMongoEventStorageEngine extends BatchingEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(GlobalIndexMongoEventStorageEngine.class);
    static final String GLOBAL_INDEX_NAME = "globalIndex";
    private static final long LOWEST_GLOBAL_INDEX = 1;
    private static final int MAX_POSITION_ATTEMPTS = 10;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final GlobalIndexAllocator allocator;
    private final Duration gapTimeout;
    private final AtomicLong abandonedBelow = new AtomicLong();
    /** Positions below {@link #abandonedBelow} whose event landed as they were being fenced off: still to be read. */
    private final Set<Long> landedWhileFenced = ConcurrentHashMap.newKeySet();
    private final int maxGapOffset;
    private final Clock clock;

    protected GlobalIndexMongoEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(builder.collections.events());
        this.snapshots = builder.database.getCollection(builder.collections.snapshots());
        this.allocator = builder.allocator != null
                ? builder.allocator
                : new MongoGlobalIndexAllocator(builder.database.getCollection(builder.collections.counters()));
        this.gapTimeout = builder.gapTimeout;
        this.maxGapOffset = builder.maxGapOffset;
        this.clock = builder.clock;
        ensureIndexes();
    }

    public static Builder builder() {
        return new Builder();
    }

    private void ensureIndexes() {
        events.createIndex(Indexes.ascending(GLOBAL_INDEX), new IndexOptions().unique(true).name(GLOBAL_INDEX_NAME));
        events.createIndex(Indexes.ascending(AGGREGATE_ID, SEQUENCE_NUMBER),
                           new IndexOptions().unique(true).name("aggregateSequence"));
        events.createIndex(Indexes.ascending(TIMESTAMP), new IndexOptions().name("timestamp"));
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<DomainEventMessage<?>> domainEvents = events.stream()
                                                         .<DomainEventMessage<?>>map(EventUtils::asDomainEventMessage)
                                                         .toList();
        for (int attempt = 1; ; attempt++) {
            List<Document> documents = atNewPositions(domainEvents, serializer);
            try {
                this.events.insertMany(documents, new InsertManyOptions().ordered(true));
                return;
            } catch (MongoBulkWriteException failure) {
                int failedAt = failure.getWriteErrors().isEmpty() ? 0 : failure.getWriteErrors().get(0).getIndex();
                removePartialAppend(documents.subList(0, failedAt));
                if (attempt < MAX_POSITION_ATTEMPTS && positionTaken(failure)) {
                    log.warn("Position {} was handed out twice; taking another", EventDocuments.globalIndex(
                            documents.get(failedAt)));
                    continue;
                }
                handlePersistenceException(failure, events.get(failedAt));
            } catch (MongoException failure) {
                handlePersistenceException(failure, events.get(0));
            }
        }
    }

    private List<Document> atNewPositions(List<DomainEventMessage<?>> events, Serializer serializer) {
        long firstIndex = allocator.allocate(events.size());
        Instant storedAt = clock.instant();
        List<Document> documents = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            documents.add(EventDocuments.event(events.get(i), serializer, firstIndex + i, storedAt));
        }
        return documents;
    }

    /**
     * MongoDB's {@code $inc} never hands out a position twice (nor, since it keeps stored documents unchanged, does
     * the embedded server's); should a counter ever do so, the unique index on the position catches it, and the
     * events simply take new positions.
     */
    private static boolean positionTaken(MongoBulkWriteException failure) {
        return DuplicateKeys.violatedIndex(failure).filter(GLOBAL_INDEX_NAME::equals).isPresent();
    }

    private void removePartialAppend(List<Document> written) {
        if (!written.isEmpty()) {
            List<Object> ids = written.stream().map(document -> document.get(ID)).toList();
            events.deleteMany(in(ID, ids));
            log.warn("Removed {} events of an append that failed part-way", ids.size());
        }
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document document = EventDocuments.snapshot(snapshot, serializer);
        snapshots.replaceOne(eq(ID, snapshot.getAggregateIdentifier()), document, new ReplaceOptions().upsert(true));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Optional.ofNullable(snapshots.find(eq(ID, aggregateIdentifier)).first())
                       .map(EventDocuments::snapshotData)
                       .stream();
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                  long firstSequenceNumber,
                                                                  int batchSize) {
        return events.find(and(eq(AGGREGATE_ID, aggregateIdentifier), gte(SEQUENCE_NUMBER, firstSequenceNumber)))
                     .sort(ascending(SEQUENCE_NUMBER))
                     .limit(batchSize)
                     .map(EventDocuments::eventData)
                     .into(new ArrayList<>());
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException("Expected a GapAwareTrackingToken, got " + lastToken);
        }
        GapAwareTrackingToken token = abandonExpiredGaps((GapAwareTrackingToken) lastToken);
        List<Document> found = events.find(after(token)).sort(ascending(GLOBAL_INDEX)).limit(batchSize)
                                     .into(new ArrayList<>());
        found = withLateArrivals(token, found);

        List<TrackedEventData<?>> tracked = new ArrayList<>(found.size());
        GapAwareTrackingToken previous = token;
        for (Document document : found) {
            GapAwareTrackingToken next = advance(previous, EventDocuments.globalIndex(document));
            if (!EventDocuments.isAbandonedPosition(document)) {
                tracked.add(new TrackedDomainEventData<>(next, EventDocuments.eventData(document)));
            }
            previous = next; // past a marker too: it is no gap, and the next event's token says so
        }
        return tracked;
    }

    private static Bson after(GapAwareTrackingToken token) {
        if (token == null) {
            return new Document();
        }
        Bson later = gt(GLOBAL_INDEX, token.getIndex());
        return token.hasGaps() ? or(later, in(GLOBAL_INDEX, token.getGaps())) : later;
    }

    /**
     * A query does not see one moment of the collection: while it walks the index, an event may land behind it
     * (at a position it already passed) while a later one lands ahead of it. If both belong to one aggregate the
     * later one would be handed out first. Every event that had landed before the query saw a later one is
     * visible to a second query, so the new gaps are looked up once more before anything is handed out.
     */
    private List<Document> withLateArrivals(GapAwareTrackingToken token, List<Document> found) {
        if (found.isEmpty()) {
            return found;
        }
        long from = token == null ? LOWEST_GLOBAL_INDEX : token.getIndex() + 1;
        long to = EventDocuments.globalIndex(found.get(found.size() - 1));
        SortedSet<Long> seen = new TreeSet<>();
        found.forEach(document -> seen.add(EventDocuments.globalIndex(document)));
        List<Long> newGaps = LongStream.range(from, to).filter(index -> !seen.contains(index)).boxed().toList();
        if (newGaps.isEmpty()) {
            return found;
        }
        List<Document> late = events.find(in(GLOBAL_INDEX, newGaps)).into(new ArrayList<>());
        if (late.isEmpty()) {
            return found;
        }
        List<Document> merged = new ArrayList<>(found);
        merged.addAll(late);
        merged.sort(Comparator.comparingLong(EventDocuments::globalIndex));
        return merged;
    }

    /**
     * Positions are handed out in order, so every position below that of an event stored before
     * {@code now - gapTimeout} was handed out before then too: a gap below it has had its time to fill. That
     * boundary is a fact about the store, not about one reader, and it only grows: it is kept, so that a reader's
     * gaps below it go without a query, and an idle reader (which keeps its old token until the next event moves it
     * on) does not look them up again at every poll. Given-up positions are reported when the boundary moves.
     */
    private GapAwareTrackingToken abandonExpiredGaps(GapAwareTrackingToken token) {
        if (token == null || !token.hasGaps()) {
            return token;
        }
        GapAwareTrackingToken unsettled = withoutGapsBelow(token, abandonedBelow.get());
        if (!unsettled.hasGaps()) {
            return unsettled;
        }
        Date cutoff = Date.from(clock.instant().minus(gapTimeout));
        Document oldest = events.find(and(gt(GLOBAL_INDEX, unsettled.getGaps().first()),
                                          lte(GLOBAL_INDEX, unsettled.getIndex()),
                                          lte(STORED_AT, cutoff)))
                                .sort(descending(GLOBAL_INDEX))
                                .limit(1)
                                .first();
        if (oldest == null) {
            return unsettled;
        }
        long below = EventDocuments.globalIndex(oldest);
        SortedSet<Long> expired = unsettled.getGaps().headSet(below);
        Set<Long> landed = fenceOff(expired);
        landedWhileFenced.addAll(landed);
        if (abandonedBelow.getAndAccumulate(below, Math::max) < below && expired.size() > landed.size()) {
            log.warn("Gave up waiting for events at positions {} after {}; a commit still on its way there will "
                     + "take new positions", expired.stream().filter(gap -> !landed.contains(gap)).toList(),
                     gapTimeout);
        }
        return withoutGapsBelow(unsettled, below);
    }

    /**
     * Puts a marker at each position, unless an event got there first: then that event is still to be read.
     *
     * @return the positions where an event got there first
     */
    private Set<Long> fenceOff(SortedSet<Long> positions) {
        Set<Long> landed = new HashSet<>();
        for (long position : positions) {
            try {
                events.insertOne(EventDocuments.abandonedPosition(position, clock.instant()));
            } catch (MongoWriteException taken) {
                if (!DuplicateKeys.isDuplicateKey(taken.getError().getCode())) {
                    throw taken;
                }
                Document there = events.find(eq(GLOBAL_INDEX, position)).first();
                if (there != null && !EventDocuments.isAbandonedPosition(there)) {
                    landed.add(position);
                }
            }
        }
        return landed;
    }

    /** The token without its gaps below {@code boundary}, but for those whose event landed as they were fenced. */
    private GapAwareTrackingToken withoutGapsBelow(GapAwareTrackingToken token, long boundary) {
        GapAwareTrackingToken truncated = token.withGapsTruncatedAt(boundary);
        List<Long> stillToRead = token.getGaps().headSet(boundary).stream().filter(landedWhileFenced::contains)
                                      .toList();
        if (stillToRead.isEmpty()) {
            return truncated;
        }
        SortedSet<Long> gaps = new TreeSet<>(truncated.getGaps());
        gaps.addAll(stillToRead);
        return GapAwareTrackingToken.newInstance(truncated.getIndex(), gaps);
    }

    private GapAwareTrackingToken advance(GapAwareTrackingToken previous, long globalIndex) {
        if (previous != null) {
            return previous.advanceTo(globalIndex, maxGapOffset);
        }
        Collection<Long> gaps = LongStream.range(Math.min(LOWEST_GLOBAL_INDEX, globalIndex), globalIndex)
                                          .boxed().toList();
        return GapAwareTrackingToken.newInstance(globalIndex, gaps);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return Optional.ofNullable(events.find(eq(AGGREGATE_ID, aggregateIdentifier))
                                         .sort(descending(SEQUENCE_NUMBER))
                                         .limit(1)
                                         .first())
                       .map(document -> document.get(SEQUENCE_NUMBER, Number.class).longValue());
    }

    @Override
    public TrackingToken createTailToken() {
        return tokenBefore(events.find().sort(ascending(GLOBAL_INDEX)).limit(1).first());
    }

    @Override
    public TrackingToken createHeadToken() {
        Document newest = events.find().sort(descending(GLOBAL_INDEX)).limit(1).first();
        return newest == null ? null : GapAwareTrackingToken.newInstance(EventDocuments.globalIndex(newest),
                                                                         List.of());
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Document first = events.find(gte(TIMESTAMP, Date.from(dateTime))).sort(ascending(GLOBAL_INDEX)).limit(1)
                               .first();
        return first == null ? createHeadToken() : tokenBefore(first);
    }

    private static TrackingToken tokenBefore(Document event) {
        return event == null ? null
                : GapAwareTrackingToken.newInstance(EventDocuments.globalIndex(event) - 1, List.of());
    }

    /** Builds the engine; the database is required, the rest has defaults suited to a newsroom's write rate. */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private EventStoreCollections collections = EventStoreCollections.DEFAULTS;
        private GlobalIndexAllocator allocator;
        private Duration gapTimeout = Duration.ofSeconds(60);
        private int maxGapOffset = 10_000;
        private Clock clock = Clock.systemUTC();

        protected Builder() {
            persistenceExceptionResolver(new DuplicateKeyResolver());
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder collections(EventStoreCollections collections) {
            this.collections = collections;
            return this;
        }

        /** Where positions come from; by default a counter document in the database. */
        public Builder allocator(GlobalIndexAllocator allocator) {
            this.allocator = allocator;
            return this;
        }

        /** How long readers wait for a position to fill before they give up on it. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder maxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        public GlobalIndexMongoEventStorageEngine build() {
            return new GlobalIndexMongoEventStorageEngine(this);
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("The event store needs a MongoDB database");
            }
            if (gapTimeout == null || gapTimeout.isNegative() || gapTimeout.isZero()) {
                throw new AxonConfigurationException("The gap timeout must be positive, not " + gapTimeout);
            }
        }
    }
}
