package news.storyline.brief.rebuild;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

class ProjectionReplayTest {

    private final ReadModelGenerations generations = new ReadModelGenerations(mock(MongoDatabase.class),
                                                                              Duration.ofSeconds(1), Clock.systemUTC());

    @Test
    void everyProjectionGetsEveryEventInOrderOnTheRebuildsGenerationAndThreads() throws Exception {
        Recording first = new Recording(generations);
        Recording second = new Recording(generations);
        try (ProjectionReplay replay = replay(first, second)) {
            replay.apply(events(0, 300), 7);
            replay.apply(events(300, 5), 7);
        }

        List<String> expected = IntStream.range(0, 305).mapToObj(n -> "event-" + n).toList();
        assertThat(first.events).isEqualTo(expected);
        assertThat(second.events).isEqualTo(expected);
        assertThat(first.generations).containsOnly(7L);
        assertThat(second.generations).containsOnly(7L);
        assertThat(first.threads).allMatch(thread -> thread.startsWith("read-model-rebuild-"));
    }

    @Test
    void aFailingProjectionFailsTheBatchOnceTheOthersHaveAppliedIt() {
        Recording healthy = new Recording(generations);
        try (ProjectionReplay replay = replay(healthy, new Failing())) {
            assertThatThrownBy(() -> replay.apply(events(0, 50), 2))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("into Failing failed");
        }
        assertThat(healthy.events).hasSize(50);
    }

    private ProjectionReplay replay(Object... projections) {
        return new ProjectionReplay(List.of(projections), ClasspathParameterResolverFactory.forClass(getClass()),
                                    generations);
    }

    private static List<TrackedEventMessage<?>> events(int from, int count) {
        return IntStream.range(from, from + count)
                        .<TrackedEventMessage<?>>mapToObj(n -> new GenericTrackedEventMessage<>(
                                new GlobalSequenceTrackingToken(n), GenericEventMessage.asEventMessage("event-" + n)))
                        .toList();
    }

    static class Recording {

        final List<String> events = new CopyOnWriteArrayList<>();
        final List<Long> generations = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        private final ReadModelGenerations readModels;

        Recording(ReadModelGenerations readModels) {
            this.readModels = readModels;
        }

        @EventHandler
        void on(String event) {
            events.add(event);
            generations.add(readModels.active());
            threads.add(Thread.currentThread().getName());
        }
    }

    static class Failing {

        @EventHandler
        void on(String event) {
            throw new IllegalArgumentException("cannot take " + event);
        }
    }
}
