package news.storyline.brief.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The read models' parked events: what the admin API lists and retries, and what the metrics count. Each read
 * model (processing group) but the feed parks in a queue of its own (see {@code DeadLetterConfiguration}).
 * <p>
 * {@code storyline.read-models.dead-letters} is how many events a group has parked, and
 * {@code storyline.read-models.parked-sequences} how many stories (or threads) they stop; both are read from the
 * database at each scrape.
 */
public class ReadModelDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(ReadModelDeadLetters.class);

    private final List<String> groups;
    private final Supplier<EventProcessingConfiguration> processing;

    public ReadModelDeadLetters(List<String> groups, Supplier<EventProcessingConfiguration> processing,
                                MeterRegistry meters) {
        this.groups = List.copyOf(groups);
        this.processing = processing;
        for (String group : this.groups) {
            Gauge.builder("storyline.read-models.dead-letters", () -> count(group, SequencedDeadLetterQueue::size))
                 .description("Events a read model parked, waiting for a retry")
                 .tag("group", group)
                 .register(meters);
            Gauge.builder("storyline.read-models.parked-sequences",
                          () -> count(group, SequencedDeadLetterQueue::amountOfSequences))
                 .description("Stories (or threads) whose events a read model parked")
                 .tag("group", group)
                 .register(meters);
        }
    }

    /** The processing groups that park events, in a stable order. */
    public List<String> groups() {
        return groups;
    }

    public boolean parks(String group) {
        return groups.contains(group);
    }

    /** Parked events of {@code group} (or of every group), sequence by sequence in order, at most {@code limit}. */
    public Listing list(Optional<String> group, int limit) {
        List<ParkedEvent> events = new ArrayList<>();
        long total = 0;
        for (String each : group.map(List::of).orElse(groups)) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(each);
            total += queue.size();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                String sequenceId = null;
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (events.size() >= limit) {
                        break;
                    }
                    if (sequenceId == null) {
                        sequenceId = sequenceOf(letter);
                    }
                    events.add(ParkedEvent.of(each, sequenceId, letter));
                }
            }
        }
        return new Listing(total, events.size() < total, events);
    }

    /**
     * A page of parked events.
     *
     * @param total     how many events are parked in the groups asked about
     * @param truncated whether more are parked than {@code deadLetters} shows
     */
    public record Listing(long total, boolean truncated, List<ParkedEvent> deadLetters) {
    }

    /**
     * Retries every parked sequence of {@code group}: each sequence's events in order, through the read model's own
     * handlers, each removed once applied; a sequence stops at its first event that fails again, which stays parked.
     */
    public RetryOutcome retry(String group) {
        return retry(group, heads(group, null));
    }

    /** As {@link #retry(String)}, for one sequence; empty when {@code group} has nothing parked for it. */
    public Optional<RetryOutcome> retry(String group, String sequence) {
        List<String> heads = heads(group, sequence);
        return heads.isEmpty() ? Optional.empty() : Optional.of(retry(group, heads));
    }

    private RetryOutcome retry(String group, List<String> heads) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processing.get().sequencedDeadLetterProcessor(group)
                          .orElseThrow(() -> new IllegalStateException("Processing group " + group + " parks nothing"));
        int applied = 0;
        for (String head : heads) {
            boolean whole = ParkingPolicy.retrying(
                    () -> processor.process(letter -> letter.message().getIdentifier().equals(head)));
            if (whole) {
                applied++;
            }
        }
        long remaining = queue(group).size();
        log.info("Retried {} parked sequence(s) of read model {}: {} applied, {} event(s) still parked", heads.size(),
                 group, applied, remaining);
        return new RetryOutcome(group, heads.size(), applied, heads.size() - applied, remaining);
    }

    /** Whether a read model parks an event that failed so: not when the database could not be reached. */
    public boolean parks(Throwable failure) {
        return !TransientFailures.isTransient(failure);
    }

    /**
     * Parks an event a rebuild's replay could not apply ({@code cause}), or one behind it in its sequence ({@code
     * cause} null), at the end of the sequence in {@code group}'s queue, as the live processor parks its own; unless
     * it is parked there already, as it is when the live processor failed on it too.
     */
    public void parkReplayed(String group, String sequence, EventMessage<?> event, Throwable cause) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        if (queue.contains(sequence) && holds(queue.deadLetterSequence(sequence), event)) {
            return;
        }
        queue.enqueue(sequence, cause == null ? new GenericDeadLetter<>(sequence, event)
                : new GenericDeadLetter<>(sequence, event, cause));
    }

    private static boolean holds(Iterable<DeadLetter<? extends EventMessage<?>>> sequence, EventMessage<?> event) {
        for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
            if (letter.message().getIdentifier().equals(event.getIdentifier())) {
                return true;
            }
        }
        return false;
    }

    /** The first parked event of each sequence of {@code group} (or of {@code sequence} only, when given). */
    private List<String> heads(String group, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<String> heads = new ArrayList<>();
        if (sequence != null) {
            if (queue.contains(sequence)) {
                Iterator<DeadLetter<? extends EventMessage<?>>> letters = queue.deadLetterSequence(sequence).iterator();
                if (letters.hasNext()) {
                    heads.add(letters.next().message().getIdentifier());
                }
            }
            return heads;
        }
        for (Iterable<DeadLetter<? extends EventMessage<?>>> each : queue.deadLetters()) {
            Iterator<DeadLetter<? extends EventMessage<?>>> letters = each.iterator();
            if (letters.hasNext()) {
                heads.add(letters.next().message().getIdentifier());
            }
        }
        return heads;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.get().deadLetterQueue(group)
                         .orElseThrow(() -> new IllegalStateException("Processing group " + group + " parks nothing"));
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() : letter.message().getIdentifier();
    }

    private double count(String group, ToLongFunction<SequencedDeadLetterQueue<EventMessage<?>>> of) {
        try {
            return of.applyAsLong(queue(group));
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }
}
