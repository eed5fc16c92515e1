package news.storyline.brief.rebuild;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies batches of events to every read model at once, each read model split into segments as its live processor
 * is: a segment takes the events whose sequence (by the processor's own sequencing policy: a story's events, a
 * thread's) falls to it, in the store's order, on a thread of its own. The handlers are written for exactly this,
 * since the live processors run so, so the replay keeps every guarantee a single thread gave. A batch ends when every
 * segment of every read model has applied its part, so that the replay's position is the same for all of them.
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
     * @param projections  beans annotated with {@code @ProcessingGroup}, each with its processor's sequencing policy
     * @param segmentCount how many segments (and threads) each read model's replay is split into
     */
    ProjectionReplay(Map<Object, SequencingPolicy<? super EventMessage<?>>> projections,
                     ParameterResolverFactory parameters, int segmentCount, ReadModelGenerations generations) {
        if (segmentCount < 1) {
            throw new IllegalArgumentException("A replay needs at least one segment per read model, not " + segmentCount);
        }
        projections.forEach((projection, sequencing) -> {
            AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection, parameters);
            for (int segment = 0; segment < segmentCount; segment++) {
                segments.add(new Segment(handlers, sequencing, segment, segmentCount));
            }
        });
        this.generations = generations;
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(Math.max(1, segments.size()), runnable -> {
            Thread thread = new Thread(runnable, "read-model-rebuild-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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

    /** One read model's share of the events: those whose sequence falls to {@code index} of {@code count}. */
    private record Segment(AnnotationEventHandlerAdapter projection, SequencingPolicy<? super EventMessage<?>> sequencing,
                           int index, int count) {

        Void applyItsPart(List<TrackedEventMessage<?>> batch) {
            for (TrackedEventMessage<?> event : batch) {
                if (projection.canHandle(event) && isMine(event)) {
                    try {
                        projection.handle(event);
                    } catch (Exception failure) {
                        throw new IllegalStateException("Replaying event " + event.getIdentifier() + " into "
                                                                + projection.getTargetType().getSimpleName() + " failed",
                                                        failure);
                    }
                }
            }
            return null;
        }

        /** As Axon's segments split a processor's work: an event without a sequence may go anywhere, so by its id. */
        private boolean isMine(EventMessage<?> event) {
            Object sequence = sequencing.getSequenceIdentifierFor(event);
            Object key = sequence != null ? sequence : event.getIdentifier();
            return Math.floorMod(key.hashCode(), count) == index;
        }
    }
}
