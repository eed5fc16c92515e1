package news.storyline.brief.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Decides what a read model's processor does with an event whose handling failed.
 * <ul>
 *     <li>The database could not be reached: the failure propagates, so the processor releases the segment and
 *     retries the batch from its last token, as it did before there were dead letters. An outage parks nothing.</li>
 *     <li>Any other failure propagates too, {@code attemptsBeforeParking - 1} times (the handlers are idempotent,
 *     so a retried batch is safe); then the event is parked: its sequence (its story, or thread) goes to the
 *     dead-letter queue, the story's later events wait behind it, and every other story goes on.</li>
 *     <li>During an admin's retry ({@link #retrying}), a parked event that fails again stays parked.</li>
 * </ul>
 * Attempts are counted in memory, per event: after a restart an event gets its attempts again.
 */
public final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    /** Events whose attempts are remembered at most; more, and the counts start again (a failure storm). */
    private static final int REMEMBERED = 10_000;
    private static final ThreadLocal<Boolean> RETRYING = ThreadLocal.withInitial(() -> false);

    private final int attemptsBeforeParking;
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    public ParkingPolicy(int attemptsBeforeParking) {
        this.attemptsBeforeParking = attemptsBeforeParking;
    }

    /** Runs an admin's retry of parked events on this thread: what fails again is parked again, not propagated. */
    static <T> T retrying(Supplier<T> retry) {
        RETRYING.set(true);
        try {
            return retry.get();
        } finally {
            RETRYING.remove();
        }
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (RETRYING.get()) {
            return Decisions.requeue(ThrowableCause.truncated(cause));
        }
        if (TransientFailures.isTransient(cause)) {
            throw propagate(cause);
        }
        String event = letter.message().getIdentifier();
        int attempt = attempts.merge(event, 1, Integer::sum);
        if (attempt < attemptsBeforeParking) {
            if (attempts.size() > REMEMBERED) {
                attempts.clear();
            }
            throw propagate(cause);
        }
        attempts.remove(event);
        return Decisions.enqueue(ThrowableCause.truncated(cause));
    }

    private static RuntimeException propagate(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
