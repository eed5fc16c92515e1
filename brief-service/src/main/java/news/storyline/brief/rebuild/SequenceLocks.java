package news.storyline.brief.rebuild;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per read model and story (or thread), striped, that the live processors and a rebuild's replay both hold
 * while they apply an event. Around a rebuild's switch both write the new generation and may apply the same event
 * of a story at the same moment; the handlers are idempotent for events applied one after the other, not for one
 * applied twice at once (a thread's summary could count such an event twice). Held, the second finds the event
 * applied. Uncontended outside that moment: a story's events reach one processor segment at a time.
 * <p>
 * Within this instance only: with several brief-service instances, the replay runs in one, and a live segment in
 * another can still meet it on a story in that moment.
 */
public final class SequenceLocks {

    private static final int STRIPES = 1024;

    private final Lock[] stripes = new Lock[STRIPES];

    public SequenceLocks() {
        for (int stripe = 0; stripe < STRIPES; stripe++) {
            stripes[stripe] = new ReentrantLock();
        }
    }

    /** The lock of {@code sequence} in read model {@code group}. */
    public Lock lockOf(String group, String sequence) {
        return stripes[Math.floorMod(31 * group.hashCode() + sequence.hashCode(), STRIPES)];
    }

    /**
     * An event's sequence, as Axon's segments and dead letters name it: by the read model's sequencing policy, and an
     * event without one (it may go anywhere) by its own id.
     */
    public static String sequenceOf(SequencingPolicy<? super EventMessage<?>> sequencing, EventMessage<?> event) {
        Object sequence = sequencing.getSequenceIdentifierFor(event);
        return sequence != null ? sequence.toString() : event.getIdentifier();
    }
}
