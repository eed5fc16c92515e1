package news.storyline.brief.deadletter;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;

import java.time.Instant;
import java.util.Optional;

/**
 * A parked event as the admin API shows it.
 *
 * @param group             the processing group (read model) that parked it
 * @param sequence          what its processor orders by: the story's id (or the thread's slug)
 * @param aggregateType     {@code Story} or {@code NewsThread}
 * @param aggregateSequence the event's number in its story's stream, from 0
 * @param eventId           the event's id
 * @param eventType         the event's type ({@code StoryFiledEvent}, ...)
 * @param position          the event's position in the event store's global index, when known
 * @param cause             why it failed; absent for an event parked behind an earlier one of its story
 * @param since             when it was parked
 * @param lastTried         when it was last parked or tried
 */
public record ParkedEvent(String group, String sequence, String aggregateType, Long aggregateSequence,
                          String eventId, String eventType, Long position, FailureCause cause, Instant since,
                          Instant lastTried) {

    /** @param type the exception's class, @param message its message (cut to 1 024 characters) */
    public record FailureCause(String type, String message) {
    }

    static ParkedEvent of(String group, String sequence, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        Long aggregateSequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        Optional<Cause> cause = letter.cause();
        return new ParkedEvent(group, sequence, aggregateType(event), aggregateSequence, event.getIdentifier(),
                               event.getPayloadType().getSimpleName(), position(event).orElse(null),
                               cause.map(c -> new FailureCause(c.type(), c.message())).orElse(null),
                               letter.enqueuedAt(), letter.lastTouched());
    }

    static String aggregateType(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getType() : "sequence";
    }

    static Optional<Long> position(EventMessage<?> event) {
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            TrackingToken token = tracked.trackingToken();
            return token.position().isPresent() ? Optional.of(token.position().getAsLong()) : Optional.empty();
        }
        return Optional.empty();
    }
}
