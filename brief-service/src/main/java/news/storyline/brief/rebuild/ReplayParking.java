package news.storyline.brief.rebuild;

import org.axonframework.eventhandling.EventMessage;

/**
 * Where a rebuild's replay puts the events a read model cannot apply: where the live processors park theirs, so that
 * an event that fails stops its own story (or thread) in that read model and the replay goes on with every other.
 */
public interface ReplayParking {

    /**
     * Whether {@code failure} is the event's, and parks it; not when the database could not be reached, which fails
     * the rebuild (the serving generation is untouched, and a rebuild can be started again).
     */
    boolean parks(Throwable failure);

    /**
     * Parks {@code event} at the end of {@code sequence} in the dead letters of read model {@code group}, unless it is
     * parked there already (a live processor failed on it too, or parked it behind an earlier one).
     *
     * @param cause why it failed; {@code null} for an event parked behind an earlier one of its sequence
     */
    void park(String group, String sequence, EventMessage<?> event, Throwable cause);
}
