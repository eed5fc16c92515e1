package news.storyline.brief.rebuild;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    void anEventThatFailsParksItsStoryWithItsLaterEventsInOrderAndEveryOtherStoryGoesOn() throws Exception {
        Recording healthy = new Recording(generations);
        Parking parking = new Parking(true);
        try (ProjectionReplay replay = replay(parking, healthy, new Failing("event-20"))) {
            replay.apply(events(0, 50), 2);
            replay.apply(events(50, 30), 2);
            assertThat(replay.parkedSequences()).isEqualTo(1);
        }

        String story = "story-" + 20 % STORIES;
        assertThat(parking.parked).as("the failed event, then its story's later ones, each once")
                                  .containsExactly("failing " + story + " event-20 failed",
                                                   "failing " + story + " event-37 behind",
                                                   "failing " + story + " event-54 behind",
                                                   "failing " + story + " event-71 behind");
        assertThat(healthy.events).hasSize(80);
    }

    @Test
    void aFailureThatParksNothingFailsTheBatchOnceTheOthersHaveAppliedIt() {
        Recording healthy = new Recording(generations);
        try (ProjectionReplay replay = replay(new Parking(false), healthy, new Failing("event-7"))) {
            assertThatThrownBy(() -> replay.apply(events(0, 50), 2))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("into Failing failed");
        }
        assertThat(healthy.events).hasSize(50);
    }

    private ProjectionReplay replay(Object... projections) {
        return replay(new Parking(false), projections);
    }

    private ProjectionReplay replay(Parking parking, Object... projections) {
        List<ProjectionReplay.ReplayedReadModel> readModels = new ArrayList<>();
        for (Object projection : projections) {
            String group = projection instanceof Failing ? "failing" : "recording-" + readModels.size();
            readModels.add(new ProjectionReplay.ReplayedReadModel(group, List.of(projection),
                                                                  SequentialPerAggregatePolicy.instance()));
        }
        return new ProjectionReplay(readModels, ClasspathParameterResolverFactory.forClass(getClass()), SEGMENTS,
                                    parking, new SequenceLocks(), generations);
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

    /** Fails on one event, and applies the others. */
    static class Failing {

        private final String poison;

        Failing(String poison) {
            this.poison = poison;
        }

        @EventHandler
        void on(String event) {
            if (event.equals(poison)) {
                throw new IllegalArgumentException("cannot take " + event);
            }
        }
    }

    /** What the replay parked, as "group sequence event failed|behind", in the order it was parked. */
    static class Parking implements ReplayParking {

        final List<String> parked = new CopyOnWriteArrayList<>();
        private final boolean parks;

        Parking(boolean parks) {
            this.parks = parks;
        }

        @Override
        public boolean parks(Throwable failure) {
            return parks;
        }

        @Override
        public void park(String group, String sequence, EventMessage<?> event, Throwable cause) {
            parked.add(group + " " + sequence + " " + event.getPayload() + " " + (cause == null ? "behind" : "failed"));
        }
    }
}
