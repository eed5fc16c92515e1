package news.storyline.brief.rebuild;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Rebuilds the read models from the event store, blue/green:
 * <ol>
 *     <li>replays every event, in the store's order, through the read models' own handlers into the next
 *     generation of their collections, while the current generation keeps serving and the live processors keep
 *     it up to date;</li>
 *     <li>once the replay has caught up with the head of the store (a pass to the head took no longer than a
 *     poll), makes the new generation current: from then on readers read it and the live processors write it;</li>
 *     <li>keeps replaying until every instance has had time to switch and the replay has reached the head again,
 *     so that an event the live processors put into the old generation around the switch reaches the new one too.
 *     </li>
 * </ol>
 * Nothing is lost in between because every handler is idempotent and applies a story's events in order: an event
 * the replay and a live processor both apply changes the new generation once, and a live processor that gets
 * ahead of the replay on a story retries until the replay has caught up.
 * <p>
 * The replay reads the store in batches and applies each batch to all read models at once, each read model split
 * into segments as its live processor is ({@link ProjectionReplay}): each story's events still reach each read
 * model in the store's order.
 */
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final EventStore eventStore;
    private final ReadModelGenerations generations;
    private final GenerationalDatabase readModels;
    private final MongoDatabase database;
    private final Map<String, List<Object>> projections;
    private final ParameterResolverFactory parameters;
    private final Function<String, SequencingPolicy<? super EventMessage<?>>> sequencing;
    private final ReplayParking parking;
    private final SequenceLocks locks;
    private final int segments;
    private final int batchSize;
    private final Duration poll;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Rebuild> latest = new AtomicReference<>();

    /**
     * @param projections the read models to rebuild, by processing group: beans annotated with
     *                    {@link ProcessingGroup} (a group may have several), in the order its processor invokes them
     * @param readModels  their collections, filled anew (with their indexes) and dropped from the retired generation
     * @param sequencing  each processing group's sequencing policy, that of its live processor
     * @param parking     where an event a read model cannot apply is parked, with its sequence's later events
     * @param locks       held while the replay applies an event, as the live processors hold them
     * @param segments    how many segments (and threads) each read model's replay is split into
     * @param batchSize   how many events the replay applies to all read models at once
     * @param poll        how long the replay waits for more events before it looks again (at the head, or the time)
     */
    public Rebuilds(EventStore eventStore, ReadModelGenerations generations, MongoDatabase database,
                    Map<String, List<Object>> projections, GenerationalDatabase readModels,
                    ParameterResolverFactory parameters,
                    Function<String, SequencingPolicy<? super EventMessage<?>>> sequencing, int segments,
                    ReplayParking parking, SequenceLocks locks,
                    int batchSize, Duration poll, Clock clock) {
        this.eventStore = eventStore;
        this.generations = generations;
        this.database = database;
        this.readModels = readModels;
        this.projections = Map.copyOf(projections);
        this.parameters = parameters;
        this.sequencing = sequencing;
        this.parking = parking;
        this.locks = locks;
        this.segments = segments;
        this.batchSize = batchSize;
        this.poll = poll;
        this.clock = clock;
    }

    /** Starts a rebuild, unless one is running. */
    public synchronized Optional<Rebuild> start() {
        Rebuild running = latest.get();
        if (running != null && running.running()) {
            return Optional.empty();
        }
        long generation = generations.current() + 1;
        Rebuild rebuild = Rebuild.started(UUID.randomUUID().toString(), generation, clock.instant());
        latest.set(rebuild);
        worker.submit(() -> run(generation));
        return Optional.of(rebuild);
    }

    public Optional<Rebuild> find(String id) {
        return Optional.ofNullable(latest.get()).filter(rebuild -> rebuild.id().equals(id));
    }

    private void run(long generation) {
        long retired = generations.current();
        try {
            drop(generation);
            readModels.createIndexesIn(generation);
            try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null);
                 ProjectionReplay replay = new ProjectionReplay(replayed(), parameters, segments, parking, locks,
                                                                generations)) {
                TrackingToken position = catchUp(events, replay, generation);
                generations.switchTo(generation);
                latest.updateAndGet(rebuild -> rebuild.switched(clock.instant()));
                Instant everyoneSwitched = clock.instant().plus(generations.refresh()).plus(poll);
                while (clock.instant().isBefore(everyoneSwitched)) {
                    position = replayWhatArrives(events, replay, generation, position);
                }
                replayToHead(events, replay, generation, position);
            }
            drop(retired);
            latest.updateAndGet(rebuild -> rebuild.done(clock.instant()));
            log.info("Read models rebuilt as generation {}", generation);
        } catch (Exception failure) {
            log.error("Rebuild of generation {} failed; generation {} still serves", generation,
                      generations.current(), failure);
            latest.updateAndGet(rebuild -> rebuild.failed(clock.instant(), failure.getMessage()));
        }
    }

    /**
     * Replays pass after pass, each to the head as it was when it began, until a pass takes no longer than a poll:
     * the new generation is then about as close to the head as the serving one, and may serve. Switching after the
     * first pass would, under a load, serve a generation as far behind as the writes of that whole pass, and reads
     * that wait for a version would wait in vain. Each pass replays what was written during the one before, less
     * each time while the replay is faster than the writes.
     */
    private TrackingToken catchUp(BlockingStream<TrackedEventMessage<?>> events, ProjectionReplay replay,
                                  long generation) throws InterruptedException {
        TrackingToken position = null;
        Duration pass;
        do {
            Instant began = clock.instant();
            position = replayToHead(events, replay, generation, position);
            pass = Duration.between(began, clock.instant());
        } while (pass.compareTo(poll) > 0);
        return position;
    }

    /**
     * Replays until it has applied every event up to the store's head as it was when this pass began. Not until the
     * stream runs dry: under a steady load new events keep arriving, and a replay that waited for a pause would
     * never switch (nor, after the switch, end).
     */
    private TrackingToken replayToHead(BlockingStream<TrackedEventMessage<?>> events, ProjectionReplay replay,
                                       long generation, TrackingToken from) throws InterruptedException {
        TrackingToken head = eventStore.createHeadToken();
        TrackingToken position = from;
        while (head != null && (position == null || !reached(position, head))) {
            position = replayWhatArrives(events, replay, generation, position);
        }
        return position;
    }

    /** Applies the next batch, if one arrives within the poll; returns the position after it. */
    private TrackingToken replayWhatArrives(BlockingStream<TrackedEventMessage<?>> events, ProjectionReplay replay,
                                            long generation, TrackingToken position) throws InterruptedException {
        if (!events.hasNextAvailable((int) poll.toMillis(), TimeUnit.MILLISECONDS)) {
            return position;
        }
        List<TrackedEventMessage<?>> batch = nextBatch(events);
        replay.apply(batch, generation);
        latest.updateAndGet(rebuild -> rebuild.replayed(rebuild.replayed() + batch.size(), replay.parkedSequences()));
        return batch.get(batch.size() - 1).trackingToken();
    }

    /**
     * Whether the replay has passed the head's position. Not {@code covers}: a position that never got its event (a
     * failed commit) stays a gap in an idle stream's token until another event arrives, and would hold the rebuild
     * back. An event that does land in such a gap later still reaches the new generation: through this stream
     * while it drains, through the live processors once the new generation serves.
     */
    private static boolean reached(TrackingToken position, TrackingToken head) {
        return position.position().orElse(-1) >= head.position().orElse(0);
    }

    /** The events available now, at least one, at most a batch: a replay behind the head gets full batches. */
    private List<TrackedEventMessage<?>> nextBatch(BlockingStream<TrackedEventMessage<?>> events)
            throws InterruptedException {
        List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
        do {
            batch.add(events.nextAvailable());
        } while (batch.size() < batchSize && events.hasNextAvailable());
        return batch;
    }

    private List<ProjectionReplay.ReplayedReadModel> replayed() {
        return projections.entrySet().stream().sorted(Map.Entry.comparingByKey())
                          .map(group -> new ProjectionReplay.ReplayedReadModel(group.getKey(), group.getValue(),
                                                                               sequencing.apply(group.getKey())))
                          .toList();
    }

    private void drop(long generation) {
        readModels.readModels().forEach(readModel -> database.getCollection(
                ReadModelGenerations.collectionName(readModel, generation)).drop());
    }
}
