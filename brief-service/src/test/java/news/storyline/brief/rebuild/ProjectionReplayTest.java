package news.storyline.brief.rebuild;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

class ProjectionReplayTest {

    private static final int SEGMENTS = 3;
    private static final int STORIES = 17;

    private final ReadModelGenerations generations = new ReadModelGenerations(mock(MongoDatabase.class),
                                                                              Duration.ofSeconds(1), Clock.systemUTC());

    @Test
    void everyProjectionGetsEveryEventOnceEachStoryInOrderOnTheRebuildsGenerationAndThreads() throws Exception {
        Recording first = new Recording(generations);
        Recording second = new Recording(generations);
        try (ProjectionReplay replay = replay(first, second)) {
            replay.apply(events(0, 300), 7);
            replay.apply(events(300, 5), 7);
        }

        List<String> expected = IntStream.range(0, 305).mapToObj(n -> "event-" + n).toList();
        for (Recording projection : List.of(first, second)) {
            assertThat(projection.events).containsExactlyInAnyOrderElementsOf(expected);
            for (int story = 0; story < STORIES; story++) {
                int ofStory = story;
                assertThat(projection.events).filteredOn(event -> storyOf(event) == ofStory)
                        .as("story %d's events", story)
                        .isEqualTo(expected.stream().filter(event -> storyOf(event) == ofStory).toList());
            }
            assertThat(projection.generations).containsOnly(7L);
            assertThat(projection.threads).allMatch(thread -> thread.startsWith("read-model-rebuild-"));
        }
        assertThat(first.threads.stream().distinct().count()).as("threads one read model's replay ran on")
                                                              .isGreaterThan(1);
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
        Map<Object, SequencingPolicy<? super EventMessage<?>>> sequenced = new LinkedHashMap<>();
        for (Object projection : projections) {
            sequenced.put(projection, SequentialPerAggregatePolicy.instance());
        }
        return new ProjectionReplay(sequenced, ClasspathParameterResolverFactory.forClass(getClass()), SEGMENTS,
                                    generations);
    }

    /** Event n is the next event of story n mod {@value STORIES}. */
    private static List<TrackedEventMessage<?>> events(int from, int count) {
        return IntStream.range(from, from + count)
                        .<TrackedEventMessage<?>>mapToObj(n -> new GenericTrackedDomainEventMessage<>(
                                new GlobalSequenceTrackingToken(n),
                                new GenericDomainEventMessage<>("Story", "story-" + n % STORIES, n / STORIES,
                                                                "event-" + n)))
                        .toList();
    }

    private static int storyOf(String event) {
        return Integer.parseInt(event.substring("event-".length())) % STORIES;
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
