package news.storyline.brief.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One read model's dead-letter queue, around the one that stores the letters. It
 * <ul>
 *     <li>says so when an event is parked: a warning naming the processing group, the event, its story and the
 *     cause, and {@code storyline.read-models.parked} counts it ({@code reason} {@code failed}, or {@code behind}
 *     for a later event of a story already parked);</li>
 *     <li>parks an event once. Nothing makes the letters and the processor's token one transaction, so a batch that
 *     fails after one of its events was parked comes again whole: the parked event must not be parked twice.</li>
 * </ul>
 */
final class ReportingDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ReportingDeadLetterQueue.class);

    private final String group;
    private final SequencedDeadLetterQueue<EventMessage<?>> letters;
    private final Counter failed;
    private final Counter behind;

    ReportingDeadLetterQueue(String group, SequencedDeadLetterQueue<EventMessage<?>> letters, MeterRegistry meters) {
        this.group = group;
        this.letters = letters;
        this.failed = parked(meters, group, "failed");
        this.behind = parked(meters, group, "behind");
    }

    private static Counter parked(MeterRegistry meters, String group, String reason) {
        return Counter.builder("storyline.read-models.parked")
                      .description("Events a read model parked: one that failed, or one behind a parked event of "
                                   + "its story")
                      .tag("group", group)
                      .tag("reason", reason)
                      .register(meters);
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter)
            throws DeadLetterQueueOverflowException {
        EventMessage<?> event = letter.message();
        if (holds(sequenceIdentifier, event.getIdentifier())) {
            log.debug("Read model {}: event {} is parked already", group, event.getIdentifier());
            return;
        }
        letters.enqueue(sequenceIdentifier, letter);
        if (letter.cause().isPresent()) {
            failed.increment();
            log.warn("Read model {} parked {} {}: event {} ({}) at position {} failed: {}: {}. Its later events wait "
                     + "behind it, every other one goes on; GET /api/admin/dead-letters lists it, "
                     + "POST /api/admin/dead-letters/{}/retry retries it", group, ParkedEvent.aggregateType(event),
                     sequenceIdentifier, event.getIdentifier(), event.getPayloadType().getSimpleName(),
                     ParkedEvent.position(event).map(String::valueOf).orElse("?"), letter.cause().get().type(),
                     letter.cause().get().message(), group);
        } else {
            behind.increment();
            log.info("Read model {}: event {} ({}) of {} {} waits behind its parked predecessor", group,
                     event.getIdentifier(), event.getPayloadType().getSimpleName(), ParkedEvent.aggregateType(event),
                     sequenceIdentifier);
        }
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier,
                                    Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder)
            throws DeadLetterQueueOverflowException {
        if (!letters.contains(sequenceIdentifier)) {
            return false;
        }
        enqueue(sequenceIdentifier, letterBuilder.get());
        return true;
    }

    private boolean holds(Object sequenceIdentifier, String eventIdentifier) {
        if (!letters.contains(sequenceIdentifier)) {
            return false;
        }
        for (DeadLetter<? extends EventMessage<?>> parked : letters.deadLetterSequence(sequenceIdentifier)) {
            if (parked.message().getIdentifier().equals(eventIdentifier)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        letters.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater)
            throws NoSuchDeadLetterException {
        letters.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return letters.contains(sequenceIdentifier);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return letters.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return letters.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return letters.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return letters.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return letters.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return letters.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>,
                                   EnqueueDecision<EventMessage<?>>> processingTask) {
        return letters.process(sequenceFilter, processingTask);
    }

    @Override
    public void clear() {
        letters.clear();
    }
}
