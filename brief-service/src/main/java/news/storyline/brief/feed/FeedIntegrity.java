package news.storyline.brief.feed;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import news.storyline.eventstore.EventStoreCollections;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static news.storyline.brief.feed.FeedDocument.EVENT_ID;
import static news.storyline.brief.feed.FeedDocument.POSITION;

/**
 * Checks the feed against the event store and repairs it, and limits serving to what it can vouch for in between.
 * <p>
 * A check ({@link FeedCheck}) runs in the background once the service has started, and whenever an admin asks.
 * When it finds a discrepancy, it says so in the log and the metric {@code storyline.feed.check.discrepancies}, and
 * the feed is served only up to the last good position ({@link FeedVouch}) until a repair.
 * <p>
 * A repair keeps every entry up to the last good position as it is and writes the rest again from the store: it
 * stops the feed's processor, removes the entries after that position ({@link FeedRewrite}), sets the processor's
 * token to just after the kept entries (the highest global index among them, with every other store position below
 * it as a gap, so that what the feed lacks below it comes first), and starts the processor again, which appends
 * from there as it always does. Serving resumes at once: every position up to the head is again one the processor
 * wrote in the store's order. The processor must run in this instance (a single segment, one instance at a time).
 */
@Component
public class FeedIntegrity {

    private static final Logger log = LoggerFactory.getLogger(FeedIntegrity.class);
    private static final String GLOBAL_INDEX = "globalIndex";
    private static final String AGGREGATE_TYPE = "type";
    private static final String ABANDONED_POSITION = "AbandonedPosition";
    /** As the event store's readers: a hole further below the token's index than this is no longer a gap. */
    private static final long MAX_GAP_OFFSET = 10_000;
    private static final Duration PROCESSOR_STOP = Duration.ofSeconds(30);

    private final FeedCheck check;
    private final FeedCheckSettings settings;
    private final FeedVouch vouch;
    private final FeedRewrite rewrite;
    private final TokenStore tokens;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final MongoCollection<Document> feed;
    private final MongoCollection<Document> events;
    private final ReentrantLock busy = new ReentrantLock();
    private final AtomicLong discrepancies = new AtomicLong();
    private final Counter checks;
    private final Counter repairs;

    FeedIntegrity(@Qualifier("storylineDatabase") MongoDatabase storylineDatabase, FeedCheckSettings settings,
                  FeedVouch vouch, FeedRewrite rewrite, TokenStore tokens,
                  ObjectProvider<EventProcessingConfiguration> processing, MeterRegistry meters) {
        String eventsCollection = EventStoreCollections.DEFAULTS.events();
        this.check = new FeedCheck(storylineDatabase, eventsCollection, settings, Clock.systemUTC());
        this.settings = settings;
        this.vouch = vouch;
        this.rewrite = rewrite;
        this.tokens = tokens;
        this.processing = processing;
        this.feed = storylineDatabase.getCollection(FeedDocument.COLLECTION);
        this.events = storylineDatabase.getCollection(eventsCollection);
        Gauge.builder("storyline.feed.check.discrepancies", discrepancies, AtomicLong::get)
             .description("Discrepancies between the feed and the event store the last check found")
             .register(meters);
        Gauge.builder("storyline.feed.served.up.to", vouch, served -> served.limited() ? served.upTo() : -1)
             .description("The last position the feed serves while a check found it unsound; -1 when sound")
             .register(meters);
        this.checks = Counter.builder("storyline.feed.checks").description("Checks of the feed against the store")
                             .register(meters);
        this.repairs = Counter.builder("storyline.feed.repairs").description("Repairs of the feed from the store")
                              .register(meters);
    }

    /** The check after start-up, in the background, once the feed's processor runs here. */
    @EventListener(ApplicationReadyEvent.class)
    void checkAfterStartUp() {
        if (!settings.onStartup()) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                long giveUp = System.nanoTime() + settings.startupWait().toNanos();
                while (status().isEmpty() && System.nanoTime() < giveUp) {
                    Thread.sleep(200);
                }
                check(settings.listed());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("The feed could not be checked after start-up", e);
            }
        }, "feed-check");
        thread.setDaemon(true);
        thread.start();
    }

    /** Checks the feed now; empty while another check or a repair runs. */
    public Optional<FeedCheckReport> check(int listed) {
        if (!busy.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(checkNow(listed));
        } finally {
            busy.unlock();
        }
    }

    /** Repairs the feed from its first bad position on; empty while a check or another repair runs. */
    public Optional<FeedRepairReport> repair(int listed) {
        if (!busy.tryLock()) {
            return Optional.empty();
        }
        try {
            FeedCheckReport found = checkNow(listed);
            if (found.sound()) {
                return Optional.of(new FeedRepairReport(false, found.lastGoodPosition(), null, 0, found));
            }
            long kept = found.lastGoodPosition();
            StreamingEventProcessor processor = processor().orElseThrow(() -> new IllegalStateException(
                    "The feed's processor does not run in this instance; repair the feed where it runs"));
            stop(processor);
            long removed;
            try {
                TrackingToken after = tokenAfter(kept);
                removed = rewrite.keepUpTo(kept);
                storeToken(after);
            } finally {
                processor.start();
            }
            vouch.repaired(kept);
            discrepancies.set(0);
            repairs.increment();
            log.warn("The feed was repaired: positions 1..{} kept, {} entries after them removed, rewritten from "
                     + "the event store from position {} on", kept, removed, kept + 1);
            return Optional.of(new FeedRepairReport(true, kept, kept + 1, removed, found));
        } finally {
            busy.unlock();
        }
    }

    private FeedCheckReport checkNow(int listed) {
        FeedCheckReport report = check.run(coverage(), listed);
        checks.increment();
        discrepancies.set(report.discrepancies());
        if (report.sound()) {
            log.info("The feed matches the event store: {} entries, {} store events compared in {} ms",
                     report.feedEntries(), report.storeEvents(), report.millis());
            if (vouch.limited()) {
                vouch.repaired(vouch.upTo());
            }
        } else {
            log.warn("The feed differs from the event store: {} discrepancies ({}), the first at position {}; it is "
                     + "served up to position {} only until it is repaired (POST /api/admin/feed/repair)",
                     report.discrepancies(), report.byKind(), report.firstBadPosition(), report.lastGoodPosition());
            if (!vouch.limited() || vouch.upTo() > report.lastGoodPosition()) {
                vouch.limitTo(report.lastGoodPosition());
            }
        }
        return report;
    }

    private StoreCoverage coverage() {
        return status().map(status -> StoreCoverage.of(status.getTrackingToken())).orElse(StoreCoverage.UNKNOWN);
    }

    private Optional<EventTrackerStatus> status() {
        return processor().map(processor -> processor.processingStatus().get(0))
                          .filter(status -> !status.isErrorState());
    }

    private Optional<StreamingEventProcessor> processor() {
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        return configuration == null ? Optional.empty()
                : configuration.eventProcessor(FeedDocument.COLLECTION, StreamingEventProcessor.class);
    }

    private static void stop(StreamingEventProcessor processor) {
        try {
            processor.shutdownAsync().get(PROCESSOR_STOP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the feed's processor stopped", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The feed's processor did not stop for the repair", e);
        }
    }

    /**
     * The processor's token once it has handled exactly the events of the entries up to {@code kept}: the highest
     * global index among them, and as gaps every store event below it that they lack and every hole near it (a
     * commit may still land there). {@code null}, the start of the store, when nothing is kept.
     */
    private TrackingToken tokenAfter(long kept) {
        if (kept == 0) {
            return null;
        }
        long index = -1;
        try (MongoCursor<Document> entries = feed.find(lte(POSITION, kept)).projection(Projections.include(EVENT_ID))
                                                 .sort(Sorts.ascending(POSITION)).batchSize(settings.batch())
                                                 .iterator()) {
            List<String> ids = new ArrayList<>();
            while (entries.hasNext() || !ids.isEmpty()) {
                if (entries.hasNext()) {
                    ids.add(entries.next().getString(EVENT_ID));
                }
                if (ids.size() == settings.batch() || !entries.hasNext()) {
                    for (Document event : events.find(in("_id", ids)).projection(Projections.include(GLOBAL_INDEX))) {
                        index = Math.max(index, event.get(GLOBAL_INDEX, Number.class).longValue());
                    }
                    ids.clear();
                }
            }
        }
        SortedSet<Long> gaps = new TreeSet<>();
        long previous = 0;
        try (MongoCursor<Document> stored = events.find(lte(GLOBAL_INDEX, index))
                                                  .projection(Projections.include(GLOBAL_INDEX, AGGREGATE_TYPE))
                                                  .sort(Sorts.ascending(GLOBAL_INDEX)).batchSize(settings.batch())
                                                  .iterator()) {
            Map<String, Long> batch = new java.util.LinkedHashMap<>();
            while (stored.hasNext() || !batch.isEmpty()) {
                if (stored.hasNext()) {
                    Document event = stored.next();
                    long globalIndex = event.get(GLOBAL_INDEX, Number.class).longValue();
                    for (long hole = Math.max(previous + 1, index - MAX_GAP_OFFSET); hole < globalIndex; hole++) {
                        gaps.add(hole);
                    }
                    previous = globalIndex;
                    if (!ABANDONED_POSITION.equals(event.getString(AGGREGATE_TYPE))) {
                        batch.put(event.getString("_id"), globalIndex);
                    }
                }
                if (batch.size() == settings.batch() || (!stored.hasNext() && !batch.isEmpty())) {
                    Set<String> keptIds = new HashSet<>();
                    feed.find(and(in(EVENT_ID, batch.keySet()), lte(POSITION, kept)))
                        .projection(Projections.include(EVENT_ID))
                        .forEach(entry -> keptIds.add(entry.getString(EVENT_ID)));
                    batch.forEach((id, globalIndex) -> {
                        if (!keptIds.contains(id)) {
                            gaps.add(globalIndex);
                        }
                    });
                    batch.clear();
                }
            }
        }
        return GapAwareTrackingToken.newInstance(index, gaps);
    }

    private void storeToken(TrackingToken token) {
        int[] segments = tokens.fetchSegments(FeedDocument.COLLECTION);
        if (segments.length != 1) {
            throw new IllegalStateException("The feed's processor has " + segments.length + " segments, not one");
        }
        // Claims the token (the processor is stopped, so its claim was released), replaces it, lets it go.
        tokens.fetchToken(FeedDocument.COLLECTION, segments[0]);
        tokens.storeToken(token, FeedDocument.COLLECTION, segments[0]);
        tokens.releaseClaim(FeedDocument.COLLECTION, segments[0]);
    }
}
