package news.storyline.brief.rebuild;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;

/**
 * Applies batches of events to every read model at once, each read model split into segments as its live processor
 * is: a segment takes the events whose sequence (by the processor's own sequencing policy: a story's events, a
 * thread's) falls to it, in the store's order, on a thread of its own. The handlers are written for exactly this,
 * since the live processors run so, so the replay keeps every guarantee a single thread gave. A batch ends when every
 * segment of every read model has applied its part, so that the replay's position is the same for all of them. An
 * event a read model cannot apply parks its sequence in that read model ({@link ReplayParking}), as the live
 * processors do, and the replay goes on.
 * <p>
 * Why segments: a replay is bound by the round trips of its handlers, in CPU on both ends. On an idle machine one
 * thread per read model already keeps its cores busy, but under a load the replay gets the cores' share of its
 * threads, and one thread per read model replayed slower than a newsroom writes (measured with four segments against
 * one: 110 against 55 events/s while 15 stories a second were filed and four readers read as fast as they could,
 * who read 13% less meanwhile).
 */
final class ProjectionReplay implements AutoCloseable {

    private final List<Segment> segments = new ArrayList<>();
    private final ReadModelGenerations generations;
    private final ExecutorService threads;

    /**
     * @param readModels   the read models, each with its processor's sequencing policy
     * @param segmentCount how many segments (and threads) each read model's replay is split into
     * @param parking      where an event a read model cannot apply goes, and the later events of its sequence
     * @param locks        held while an event is applied, as the live processors hold them
     */
    ProjectionReplay(List<ReplayedReadModel> readModels, ParameterResolverFactory parameters, int segmentCount,
                     ReplayParking parking, SequenceLocks locks, ReadModelGenerations generations) {
        if (segmentCount < 1) {
            throw new IllegalArgumentException("A replay needs at least one segment per read model, not " + segmentCount);
        }
        for (ReplayedReadModel readModel : readModels) {
            List<AnnotationEventHandlerAdapter> handlers =
                    readModel.projections().stream()
                             .map(projection -> new AnnotationEventHandlerAdapter(projection, parameters)).toList();
            for (int segment = 0; segment < segmentCount; segment++) {
                segments.add(new Segment(readModel, handlers, segment, segmentCount, parking, locks));
            }
        }
        this.generations = generations;
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(Math.max(1, segments.size()), runnable -> {
            Thread thread = new Thread(runnable, "read-model-rebuild-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A read model to replay.
     *
     * @param group       its processing group, which names its dead letters
     * @param projections the beans annotated with {@code @ProcessingGroup(group)}, in the order its processor invokes
     *                    them: each event goes to them in turn, and one that fails it stops it for the rest
     * @param sequencing  its live processor's sequencing policy
     */
    record ReplayedReadModel(String group, List<Object> projections,
                             SequencingPolicy<? super EventMessage<?>> sequencing) {
    }

    /** Applies {@code batch} to every projection's collections in {@code generation}, and returns once all did. */
    void apply(List<TrackedEventMessage<?>> batch, long generation) throws InterruptedException {
        List<Future<Void>> running = new ArrayList<>(segments.size());
        for (Segment segment : segments) {
            running.add(threads.submit(() -> generations.on(generation, () -> segment.applyItsPart(batch))));
        }
        // Every segment finishes its part, failed or not, so that nothing writes on after the rebuild has failed.
        RuntimeException failed = null;
        for (Future<Void> segment : running) {
            try {
                segment.get();
            } catch (ExecutionException failure) {
                if (failed == null) {
                    failed = failure.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(failure.getCause());
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** Stories (or threads) parked by the replay so far, in all read models. */
    long parkedSequences() {
        return segments.stream().mapToLong(segment -> segment.parked.size()).sum();
    }

    /**
     * One read model's share of the events: those whose sequence falls to {@code index} of {@code count}. Once an
     * event of a sequence failed, that event and the sequence's later ones are parked, in order, as the live
     * processors park them; every other sequence goes on.
     */
    private static final class Segment {

        private final ReplayedReadModel readModel;
        private final List<AnnotationEventHandlerAdapter> projections;
        private final int index;
        private final int count;
        private final ReplayParking parking;
        private final SequenceLocks locks;
        /**
         * Sequences of this segment parked so far: added by the segment's thread of the moment, counted by the
         * rebuild's thread ({@link #parkedSequences()}).
         */
        private final Set<String> parked = ConcurrentHashMap.newKeySet();

        Segment(ReplayedReadModel readModel, List<AnnotationEventHandlerAdapter> projections, int index, int count,
                ReplayParking parking, SequenceLocks locks) {
            this.readModel = readModel;
            this.projections = projections;
            this.index = index;
            this.count = count;
            this.parking = parking;
            this.locks = locks;
        }

        Void applyItsPart(List<TrackedEventMessage<?>> batch) {
            for (TrackedEventMessage<?> event : batch) {
                String sequence = sequenceOf(event);
                if (Math.floorMod(sequence.hashCode(), count) != index
                    || projections.stream().noneMatch(projection -> projection.canHandle(event))) {
                    continue;
                }
                if (parked.contains(sequence)) {
                    parking.park(readModel.group(), sequence, event, null);
                    continue;
                }
                Lock lock = locks.lockOf(readModel.group(), sequence);
                lock.lock();
                try {
                    for (AnnotationEventHandlerAdapter projection : projections) {
                        if (!apply(projection, event, sequence)) {
                            parked.add(sequence);
                            break;
                        }
                    }
                } finally {
                    lock.unlock();
                }
            }
            return null;
        }

        /** Whether {@code projection} applied {@code event} (or had nothing to do with it); false: parked. */
        private boolean apply(AnnotationEventHandlerAdapter projection, TrackedEventMessage<?> event,
                              String sequence) {
            if (!projection.canHandle(event)) {
                return true;
            }
            try {
                projection.handle(event);
                return true;
            } catch (Exception failure) {
                if (!parking.parks(failure)) {
                    throw new IllegalStateException("Replaying event " + event.getIdentifier() + " into "
                                                            + projection.getTargetType().getSimpleName() + " failed",
                                                    failure);
                }
                parking.park(readModel.group(), sequence, event, failure);
                return false;
            }
        }

        private String sequenceOf(EventMessage<?> event) {
            return SequenceLocks.sequenceOf(readModel.sequencing(), event);
        }
    }
}
