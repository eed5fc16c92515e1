package news.storyline.brief.feed;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static news.storyline.brief.feed.FeedDocument.EVENT_ID;
import static news.storyline.brief.feed.FeedDocument.POSITION;

/**
 * Compares the feed with the event store, walking both in order with bounded memory: the feed by position (its
 * primary index), the store by global index (its unique index), skipping the markers of abandoned positions, which
 * are no events.
 * <p>
 * The two walks go in step, one entry of each at a time, and match event ids. The feed's order is not exactly the
 * store's: a commit that lands after later events were handed out is handed out late. So an id waits, in a window
 * of {@code storyline.feed.check.window} steps, for its match from the other walk; one that waits longer is looked
 * up by its id (the store's {@code _id} is the event's id, the feed has a unique index on it):
 * <ul>
 *     <li>a feed entry whose event the store lacks is {@code NOT_IN_STORE}; one whose event has an entry at a lower
 *     position {@code DUPLICATE}; any other {@code OUT_OF_ORDER};</li>
 *     <li>a store event the feed lacks is {@code MISSING_FROM_FEED}, if the feed's processor had handled it when the
 *     check began ({@link StoreCoverage}); otherwise it is still on its way, as is everything the store holds beyond
 *     the feed's end;</li>
 *     <li>a position up to the head with no entry is a {@code HOLE}.</li>
 * </ul>
 * The check holds at most two windows of ids and the listed discrepancies, however long the feed; it reads each
 * document of both once, plus one lookup per id that waited too long.
 */
public final class FeedCheck {

    private static final String GLOBAL_INDEX = "globalIndex";
    private static final String AGGREGATE_TYPE = "type";
    private static final String ABANDONED_POSITION = "AbandonedPosition";

    private final MongoCollection<Document> feed;
    private final MongoCollection<Document> events;
    private final FeedHead head;
    private final FeedCheckSettings settings;
    private final Clock clock;

    public FeedCheck(MongoDatabase storylineDatabase, String eventsCollection, FeedCheckSettings settings, Clock clock) {
        this.feed = storylineDatabase.getCollection(FeedDocument.COLLECTION);
        this.events = storylineDatabase.getCollection(eventsCollection);
        this.head = new FeedHead(storylineDatabase);
        this.settings = settings;
        this.clock = clock;
    }

    /** Compares the feed up to its present head with the store; {@code listed} caps the discrepancies listed. */
    public FeedCheckReport run(StoreCoverage coverage, int listed) {
        return new Walk(coverage, listed).run();
    }

    private final class Walk {

        private final StoreCoverage coverage;
        private final int listedAtMost;
        private final Map<String, Waiting> feedWaiting = new LinkedHashMap<>();
        private final Map<String, Waiting> storeWaiting = new LinkedHashMap<>();
        /** Ids already reported out of order from one side, so that the other side does not report them again. */
        private final Set<String> displaced = new HashSet<>();
        private final List<FeedDiscrepancy> listed = new ArrayList<>();
        private final Map<FeedDiscrepancy.Kind, Long> byKind = new EnumMap<>(FeedDiscrepancy.Kind.class);
        private long discrepancies;
        private long firstBad = Long.MAX_VALUE;
        private long step;
        private long feedEntries;
        private long storeEvents;
        private boolean pastCoverage;
        private long end;

        Walk(StoreCoverage coverage, int listedAtMost) {
            this.coverage = coverage;
            this.listedAtMost = listedAtMost;
            this.pastCoverage = coverage.upToOrNone() < 1;
        }

        FeedCheckReport run() {
            Instant began = clock.instant();
            // The coverage was taken before this: whatever it covers was appended before the head read here.
            end = Math.max(head.position(), lastPosition());
            long expected = 1;
            long beyondFeed = 0;
            try (MongoCursor<Document> feedCursor = feed.find(lte(POSITION, end))
                                                        .projection(Projections.include(EVENT_ID))
                                                        .sort(Sorts.ascending(POSITION))
                                                        .batchSize(settings.batch()).iterator();
                 MongoCursor<Document> storeCursor = events.find(ne(AGGREGATE_TYPE, ABANDONED_POSITION))
                                                           .projection(Projections.include(GLOBAL_INDEX))
                                                           .sort(Sorts.ascending(GLOBAL_INDEX))
                                                           .batchSize(settings.batch()).iterator()) {
                boolean feedDone = false;
                boolean storeDone = false;
                while (!feedDone || !storeDone) {
                    if (!feedDone) {
                        if (feedCursor.hasNext()) {
                            Document entry = feedCursor.next();
                            long position = entry.get(POSITION, Number.class).longValue();
                            if (position > expected) {
                                holes(expected, position - 1);
                            }
                            expected = position + 1;
                            feedEntries++;
                            fromFeed(entry.getString(EVENT_ID), position);
                        } else {
                            feedDone = true;
                        }
                    }
                    if (!storeDone) {
                        // Past the feed's end, the store is read on only while there is something to match or
                        // its events must be in the feed; the rest is still on its way to the feed.
                        boolean enough = feedDone && pastCoverage
                                         && (feedWaiting.isEmpty() || beyondFeed >= settings.window());
                        if (!enough && storeCursor.hasNext()) {
                            Document event = storeCursor.next();
                            long globalIndex = event.get(GLOBAL_INDEX, Number.class).longValue();
                            pastCoverage = globalIndex >= coverage.upToOrNone();
                            storeEvents++;
                            fromStore(event.getString("_id"), globalIndex);
                            if (feedDone) {
                                beyondFeed++;
                            }
                        } else {
                            storeDone = true;
                        }
                    }
                    step++;
                    expire(step - settings.window());
                }
            }
            if (expected <= end) {
                holes(expected, end);
            }
            expire(Long.MAX_VALUE);
            listed.sort(Comparator.comparingLong(FeedDiscrepancy::position));
            long lastGood = firstBad == Long.MAX_VALUE ? end : firstBad - 1;
            return new FeedCheckReport(began, clock.millis() - began.toEpochMilli(), feedEntries, storeEvents,
                                       coverage.upTo(), discrepancies, Map.copyOf(byKind),
                                       firstBad == Long.MAX_VALUE ? null : firstBad, lastGood, List.copyOf(listed),
                                       discrepancies > listed.size());
        }

        private void fromFeed(String eventId, long position) {
            if (storeWaiting.remove(eventId) != null) {
                return;
            }
            if (feedWaiting.containsKey(eventId)) {
                report(FeedDiscrepancy.Kind.DUPLICATE, position, eventId, null, null);
                return;
            }
            feedWaiting.put(eventId, new Waiting(position, step));
        }

        private void fromStore(String eventId, long globalIndex) {
            if (feedWaiting.remove(eventId) == null) {
                // Where the store's order would put it: as many positions in as events the store has shown.
                storeWaiting.put(eventId, new Waiting(globalIndex, step, storeEvents));
            }
        }

        /** Classifies every id that has waited since {@code before} or longer. */
        private void expire(long before) {
            expire(feedWaiting, before, this::unmatchedInFeed);
            expire(storeWaiting, before, this::unmatchedInStore);
        }

        private void expire(Map<String, Waiting> waiting, long before, Unmatched classify) {
            Iterator<Map.Entry<String, Waiting>> oldest = waiting.entrySet().iterator();
            while (oldest.hasNext()) {
                Map.Entry<String, Waiting> next = oldest.next();
                if (next.getValue().step() > before) {
                    return;
                }
                oldest.remove();
                classify.apply(next.getKey(), next.getValue());
            }
        }

        private void unmatchedInFeed(String eventId, Waiting entry) {
            long position = entry.value();
            if (displaced.remove(eventId)) {
                return;
            }
            Document event = events.find(eq("_id", eventId)).projection(Projections.include(GLOBAL_INDEX)).first();
            if (event == null) {
                report(FeedDiscrepancy.Kind.NOT_IN_STORE, position, eventId, null, null);
            } else if (feed.find(and(eq(EVENT_ID, eventId), lt(POSITION, position))).limit(1).first() != null) {
                report(FeedDiscrepancy.Kind.DUPLICATE, position, eventId, globalIndex(event), null);
            } else {
                remember(eventId);
                report(FeedDiscrepancy.Kind.OUT_OF_ORDER, position, eventId, globalIndex(event), null);
            }
        }

        private void unmatchedInStore(String eventId, Waiting event) {
            long globalIndex = event.value();
            if (displaced.remove(eventId) || !coverage.covers(globalIndex)) {
                return;
            }
            Document entry = feed.find(eq(EVENT_ID, eventId)).projection(Projections.include(POSITION)).first();
            if (entry != null && entry.get(POSITION, Number.class).longValue() > end) {
                // Appended since the check began: its processor had handled it, the append came just after.
                return;
            }
            if (entry == null) {
                report(FeedDiscrepancy.Kind.MISSING_FROM_FEED, event.rank(), eventId, globalIndex, null);
            } else {
                long foundAt = entry.get(POSITION, Number.class).longValue();
                remember(eventId);
                report(FeedDiscrepancy.Kind.OUT_OF_ORDER, Math.min(event.rank(), foundAt), eventId, globalIndex,
                       foundAt);
            }
        }

        /** Bounded: past the window, an id may be reported from both sides, which misleads no one about the rest. */
        private void remember(String eventId) {
            if (displaced.size() < settings.window()) {
                displaced.add(eventId);
            }
        }

        private void holes(long from, long to) {
            for (long position = from; position <= to && listed.size() < listedAtMost; position++) {
                listed.add(new FeedDiscrepancy(FeedDiscrepancy.Kind.HOLE, position, null, null, null));
            }
            long count = to - from + 1;
            discrepancies += count;
            byKind.merge(FeedDiscrepancy.Kind.HOLE, count, Long::sum);
            firstBad = Math.min(firstBad, from);
        }

        private void report(FeedDiscrepancy.Kind kind, long position, String eventId, Long globalIndex, Long foundAt) {
            discrepancies++;
            byKind.merge(kind, 1L, Long::sum);
            firstBad = Math.min(firstBad, position);
            if (listed.size() < listedAtMost) {
                listed.add(new FeedDiscrepancy(kind, position, eventId, globalIndex, foundAt));
            }
        }

        private long lastPosition() {
            Document last = feed.find().sort(Sorts.descending(POSITION)).projection(Projections.include(POSITION))
                                .limit(1).first();
            return last == null ? 0 : last.get(POSITION, Number.class).longValue();
        }
    }

    private static Long globalIndex(Document event) {
        return event.get(GLOBAL_INDEX, Number.class).longValue();
    }

    /** An id waiting for its match: its position (feed) or global index (store), and when it began to wait. */
    private record Waiting(long value, long step, long rank) {
        Waiting(long value, long step) {
            this(value, step, value);
        }
    }

    @FunctionalInterface
    private interface Unmatched {
        void apply(String eventId, Waiting waiting);
    }
}
