package news.storyline.brief.rebuild;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies batches of events to every read model at once: each projection on a thread of its own, through its own
 * handlers, in the store's order. The projections share nothing (each has its own collections), so running them side
 * by side keeps every guarantee a single thread gave, while a projection's round trips to the store no longer wait
 * for the other projections' round trips. A batch ends when every projection has applied all of it, so that the
 * replay's position is the same for all of them.
 */
final class ProjectionReplay implements AutoCloseable {

    private final List<AnnotationEventHandlerAdapter> projections;
    private final ReadModelGenerations generations;
    private final ExecutorService threads;

    /** @param projections beans annotated with {@code @ProcessingGroup} */
    ProjectionReplay(Collection<Object> projections, ParameterResolverFactory parameters,
                     ReadModelGenerations generations) {
        this.projections = projections.stream()
                                      .map(projection -> new AnnotationEventHandlerAdapter(projection, parameters))
                                      .toList();
        this.generations = generations;
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(Math.max(1, this.projections.size()), runnable -> {
            Thread thread = new Thread(runnable, "read-model-rebuild-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Applies {@code batch} to every projection's collections in {@code generation}, and returns once all did. */
    void apply(List<TrackedEventMessage<?>> batch, long generation) throws InterruptedException {
        List<Future<Void>> running = new ArrayList<>(projections.size());
        for (AnnotationEventHandlerAdapter projection : projections) {
            running.add(threads.submit(() -> generations.on(generation, () -> applyAll(projection, batch))));
        }
        // Every projection finishes its part, failed or not, so that nothing writes on after the rebuild has failed.
        RuntimeException failed = null;
        for (Future<Void> projection : running) {
            try {
                projection.get();
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

    private static Void applyAll(AnnotationEventHandlerAdapter projection, List<TrackedEventMessage<?>> batch) {
        for (TrackedEventMessage<?> event : batch) {
            if (projection.canHandle(event)) {
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
}
