package news.storyline.brief.deadletter;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a failing event is tried again, when it is parked, and that it is parked once. */
class ParkingPolicyTest {

    private final ParkingPolicy policy = new ParkingPolicy(3);

    @Test
    void aFailureIsTriedAgainTwiceThenParked() {
        DeadLetter<EventMessage<?>> letter = letter("story-1", 0);
        IllegalArgumentException poison = new IllegalArgumentException("long overflow");

        assertThatThrownBy(() -> policy.decide(letter, poison)).isSameAs(poison);
        assertThatThrownBy(() -> policy.decide(letter, poison)).isSameAs(poison);
        EnqueueDecision<EventMessage<?>> third = policy.decide(letter, poison);

        assertThat(third.shouldEnqueue()).isTrue();
        assertThat(third.enqueueCause()).get().extracting(Throwable::getMessage).isEqualTo("long overflow");
        // Counted per event: another event starts again.
        assertThatThrownBy(() -> policy.decide(letter("story-2", 0), poison)).isSameAs(poison);
    }

    @Test
    void aDatabaseThatCannotBeReachedIsRetriedForeverAndParksNothing() {
        DeadLetter<EventMessage<?>> letter = letter("story-1", 0);
        MongoTimeoutException outage = new MongoTimeoutException("Timed out while waiting for a server");
        MongoSocketReadException reset = new MongoSocketReadException("Prematurely reached end of stream",
                                                                       new ServerAddress());
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThatThrownBy(() -> policy.decide(letter, outage)).isSameAs(outage);
            assertThatThrownBy(() -> policy.decide(letter, new IllegalStateException("wrapped", reset)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aParkedEventThatFailsAgainOnRetryStaysParked() {
        DeadLetter<EventMessage<?>> letter = letter("story-1", 0);
        EnqueueDecision<EventMessage<?>> decision =
                ParkingPolicy.retrying(() -> policy.decide(letter, new IllegalStateException("still broken")));
        assertThat(decision.shouldEnqueue()).isTrue();
        // Only on the retrying thread, only while it retries.
        assertThatThrownBy(() -> policy.decide(letter, new IllegalStateException("live again")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEventIsParkedOnceThoughItsBatchComesAgain() {
        InMemorySequencedDeadLetterQueue<EventMessage<?>> letters = InMemorySequencedDeadLetterQueue.defaultQueue();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ReportingDeadLetterQueue queue = new ReportingDeadLetterQueue("stories", letters, meters);
        EventMessage<?> poison = event("story-1", 0);
        EventMessage<?> behind = event("story-1", 1);

        queue.enqueue("story-1", new GenericDeadLetter<>("story-1", poison, new IllegalStateException("poison")));
        assertThat(queue.enqueueIfPresent("story-1", () -> new GenericDeadLetter<>("story-1", behind))).isTrue();
        // The batch failed later on (say, the database went away) and is handled again from its start.
        assertThat(queue.enqueueIfPresent("story-1", () -> new GenericDeadLetter<>("story-1", poison))).isTrue();
        assertThat(queue.enqueueIfPresent("story-1", () -> new GenericDeadLetter<>("story-1", behind))).isTrue();
        assertThat(queue.enqueueIfPresent("story-2", () -> new GenericDeadLetter<>("story-2", event("story-2", 0))))
                .isFalse();

        assertThat(queue.size()).isEqualTo(2);
        assertThat(meters.get("storyline.read-models.parked").tag("reason", "failed").counter().count()).isEqualTo(1);
        assertThat(meters.get("storyline.read-models.parked").tag("reason", "behind").counter().count()).isEqualTo(1);
    }

    private static DeadLetter<EventMessage<?>> letter(String storyId, long sequence) {
        return new GenericDeadLetter<>(storyId, event(storyId, sequence));
    }

    private static EventMessage<?> event(String storyId, long sequence) {
        return new GenericDomainEventMessage<>("Story", storyId, sequence, "payload of " + storyId + "#" + sequence);
    }
}
