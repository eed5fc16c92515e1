package news.storyline.eventstore;

import com.mongodb.client.MongoClients;
import news.storyline.testsupport.TestMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static news.storyline.eventstore.EventStoreFixture.event;
import static news.storyline.eventstore.EventStoreFixture.readAll;
import static news.storyline.eventstore.EventStoreFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlobalIndexMongoEventStorageEngineIT {

    private final EventStoreFixture fixture = new EventStoreFixture();
    private final GlobalIndexMongoEventStorageEngine engine = fixture.engine();

    @Test
    void readsAnAggregatesEventsBackInSequence() {
        engine.appendEvents(event("story-1", 0, "filed"), event("story-1", 1, "updated"));
        engine.appendEvents(event("story-2", 0, "other story"));
        engine.appendEvents(event("story-1", 2, "corrected"));

        List<? extends DomainEventMessage<?>> stream = engine.readEvents("story-1").asStream().toList();

        assertThat(stream).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(stream).extracting(message -> ((EventStoreFixture.Note) message.getPayload()).text())
                          .containsExactly("filed", "updated", "corrected");
        assertThat(engine.lastSequenceNumberFor("story-1")).contains(2L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
    }

    @Test
    void givesEveryEventTheNextGlobalPosition() {
        engine.appendEvents(event("a", 0, "first"), event("b", 0, "second"));
        engine.appendEvents(event("a", 1, "third"));

        List<TrackedEventMessage<?>> read = readAll(engine, null);

        assertThat(texts(read)).containsExactly("first", "second", "third");
        assertThat(read).extracting(message -> message.trackingToken().position().orElseThrow())
                        .containsExactly(1L, 2L, 3L);
    }

    @Test
    void refusesASecondFirstEventForTheSameAggregate() {
        engine.appendEvents(event("story-1", 0, "original"));

        assertThatThrownBy(() -> engine.appendEvents(event("story-1", 0, "impostor")))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(texts(readAll(engine, null))).containsExactly("original");
    }

    @Test
    void refusesALaterEventAtATakenSequenceNumber() {
        engine.appendEvents(event("story-1", 0, "filed"), event("story-1", 1, "first update"));

        assertThatThrownBy(() -> engine.appendEvents(event("story-1", 1, "concurrent update")))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(texts(readAll(engine, null))).containsExactly("filed", "first update");
    }

    @Test
    void removesThePartOfAnAppendThatWasWrittenBeforeItFailed() {
        engine.appendEvents(event("story-1", 1, "already there"));

        assertThatThrownBy(() -> engine.appendEvents(event("story-1", 0, "lands"), event("story-1", 1, "clashes")))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(texts(readAll(engine, null))).containsExactly("already there");
    }

    @Test
    void takesAnotherPositionWhenOneWasHandedOutTwice() {
        MongoGlobalIndexAllocator counter = new MongoGlobalIndexAllocator(fixture.database.getCollection("counters"));
        GlobalIndexMongoEventStorageEngine sloppy = fixture.engineBuilder().allocator(new GlobalIndexAllocator() {
            private boolean first = true;

            @Override
            public long allocate(int count) {
                if (first) {
                    first = false;
                    return 1; // as a counter that lost its atomicity would
                }
                return counter.allocate(count);
            }
        }).build();
        engine.appendEvents(event("a", 0, "holds position 1"));

        sloppy.appendEvents(event("b", 0, "was handed position 1 too"));

        List<TrackedEventMessage<?>> read = readAll(engine, null);
        assertThat(texts(read)).containsExactly("holds position 1", "was handed position 1 too");
        assertThat(read).extracting(message -> message.trackingToken().position().orElseThrow())
                        .containsExactly(1L, 2L);
    }

    @Test
    void concurrentWritersInSeveralProcessesNeverShareAPosition() throws Exception {
        int writers = 6;
        int appendsEach = 40;
        List<GlobalIndexMongoEventStorageEngine> processes = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            processes.add(fixture.engineBuilder()
                                 .database(MongoClients.create(
                                         TestMongo.uriOf(fixture.database.getName()))
                                                                          .getDatabase(fixture.database.getName()))
                                 .build());
        }
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            GlobalIndexMongoEventStorageEngine writer = processes.get(w);
            String aggregate = "writer-" + w;
            running.add(CompletableFuture.runAsync(() -> {
                for (int n = 0; n < appendsEach; n++) {
                    writer.appendEvents(event(aggregate, n, aggregate + "/" + n));
                }
            }));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        List<TrackedEventMessage<?>> read = readAll(engine, null);

        assertThat(read).hasSize(writers * appendsEach);
        assertThat(texts(read)).doesNotHaveDuplicates();
        assertThat(read).extracting(message -> message.trackingToken().position().orElseThrow())
                        .doesNotHaveDuplicates().isSorted();
        for (int w = 0; w < writers; w++) {
            String aggregate = "writer-" + w;
            assertThat(texts(read)).filteredOn(text -> text.startsWith(aggregate + "/"))
                                   .containsExactlyElementsOf(IntStream.range(0, appendsEach)
                                                                      .mapToObj(n -> aggregate + "/" + n).toList());
        }
    }

    @Test
    void aReaderWaitsForACommitThatLandsLate() throws Exception {
        CountDownLatch reserved = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MongoGlobalIndexAllocator counter = new MongoGlobalIndexAllocator(fixture.database.getCollection("counters"));
        GlobalIndexMongoEventStorageEngine slowWriter = fixture.engineBuilder().allocator(count -> {
            long first = counter.allocate(count);
            reserved.countDown();
            await(release);
            return first;
        }).build();

        CompletableFuture<Void> slowCommit = CompletableFuture.runAsync(
                () -> slowWriter.appendEvents(event("slow", 0, "late")));
        assertThat(reserved.await(10, TimeUnit.SECONDS)).isTrue();
        engine.appendEvents(event("fast", 0, "early"));

        List<TrackedEventMessage<?>> firstRead = readAll(engine, null);
        assertThat(texts(firstRead)).containsExactly("early");
        GapAwareTrackingToken afterFirstRead = (GapAwareTrackingToken) firstRead.get(0).trackingToken();
        assertThat(afterFirstRead.getGaps()).containsExactly(1L);

        release.countDown();
        slowCommit.get(10, TimeUnit.SECONDS);

        List<TrackedEventMessage<?>> secondRead = readAll(engine, afterFirstRead);
        assertThat(texts(secondRead)).containsExactly("late");
        assertThat(((GapAwareTrackingToken) secondRead.get(0).trackingToken()).hasGaps()).isFalse();
        assertThat(readAll(engine, secondRead.get(0).trackingToken())).isEmpty();
    }

    @Test
    void givesUpOnAPositionThatStaysEmptyPastTheGapTimeout() {
        MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
        GlobalIndexMongoEventStorageEngine reader = fixture.engineBuilder()
                                                           .gapTimeout(Duration.ofSeconds(30))
                                                           .clock(clock)
                                                           .build();
        new MongoGlobalIndexAllocator(fixture.database.getCollection("counters")).allocate(1); // a writer that died
        reader.appendEvents(event("story-1", 0, "after the crash"));

        TrackingToken token = readAll(reader, null).get(0).trackingToken();
        assertThat(((GapAwareTrackingToken) token).getGaps()).containsExactly(1L);

        clock.advance(Duration.ofSeconds(31));
        reader.appendEvents(event("story-1", 1, "much later"));
        List<TrackedEventMessage<?>> later = readAll(reader, token);

        assertThat(texts(later)).containsExactly("much later");
        assertThat(((GapAwareTrackingToken) later.get(0).trackingToken()).hasGaps()).isFalse();
    }

    /**
     * A writer takes its position, then stalls past the gap timeout; readers give up on the position. Its commit
     * must not land where they no longer look: the position is fenced off, the commit fails there and its event
     * takes a new position, where every reader finds it.
     */
    @Test
    void aCommitLaterThanTheGapTimeoutTakesANewPositionAndIsRead() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
        GlobalIndexMongoEventStorageEngine reader = fixture.engineBuilder().gapTimeout(Duration.ofSeconds(30))
                                                           .clock(clock).build();
        StalledWriter stalled = new StalledWriter(clock);
        CompletableFuture<Void> lateCommit = stalled.commitAfterItsPosition();
        TrackingToken token = readerSeesALaterEventFirst(reader);

        clock.advance(Duration.ofSeconds(31));
        reader.appendEvents(event("fast", 1, "much later"));
        List<TrackedEventMessage<?>> givenUp = readAll(reader, token);
        assertThat(texts(givenUp)).containsExactly("much later");
        assertThat(((GapAwareTrackingToken) givenUp.get(0).trackingToken()).hasGaps()).isFalse();

        stalled.release.countDown();
        lateCommit.get(10, TimeUnit.SECONDS);

        List<TrackedEventMessage<?>> afterTheCommit = readAll(reader, givenUp.get(0).trackingToken());
        assertThat(texts(afterTheCommit)).containsExactly("late");
        assertThat(afterTheCommit.get(0).trackingToken().position()).hasValue(4L);
        assertThat(texts(readAll(reader, null))).containsExactly("early", "much later", "late");
        assertThat(reader.readEvents("slow").asStream().toList()).hasSize(1);
    }

    /** The commit lands just as the reader gives up on its position: the fence finds it there and it is read. */
    @Test
    void aCommitThatLandsAsTheReaderGivesUpIsStillRead() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
        GlobalIndexMongoEventStorageEngine reader = fixture.engineBuilder().gapTimeout(Duration.ofSeconds(30))
                                                           .clock(clock).build();
        StalledWriter stalled = new StalledWriter(clock);
        CompletableFuture<Void> lateCommit = stalled.commitAfterItsPosition();
        TrackingToken token = readerSeesALaterEventFirst(reader);

        stalled.release.countDown();
        lateCommit.get(10, TimeUnit.SECONDS);
        clock.advance(Duration.ofSeconds(31));

        List<TrackedEventMessage<?>> read = readAll(reader, token);
        assertThat(texts(read)).containsExactly("late");
        assertThat(read.get(0).trackingToken().position()).hasValue(2L);
        assertThat(((GapAwareTrackingToken) read.get(0).trackingToken()).hasGaps()).isFalse();
    }

    /** Another writer's event lands after the stalled one's position: the reader reads it, the position a gap. */
    private static TrackingToken readerSeesALaterEventFirst(GlobalIndexMongoEventStorageEngine reader) {
        reader.appendEvents(event("fast", 0, "early"));
        return readAll(reader, null).get(0).trackingToken();
    }

    /** A writer that takes its positions and then waits to be released before it inserts. */
    private final class StalledWriter {
        final CountDownLatch reserved = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final GlobalIndexMongoEventStorageEngine engine;

        StalledWriter(Clock clock) {
            MongoGlobalIndexAllocator counter =
                    new MongoGlobalIndexAllocator(fixture.database.getCollection("counters"));
            AtomicBoolean first = new AtomicBoolean(true);
            engine = fixture.engineBuilder().clock(clock).allocator(count -> {
                long position = counter.allocate(count);
                if (first.getAndSet(false)) {
                    reserved.countDown();
                    await(release);
                }
                return position;
            }).build();
        }

        /** Starts the late commit and returns once its position is taken; it lands when released. */
        CompletableFuture<Void> commitAfterItsPosition() throws InterruptedException {
            CompletableFuture<Void> commit =
                    CompletableFuture.runAsync(() -> engine.appendEvents(event("slow", 0, "late")));
            assertThat(reserved.await(10, TimeUnit.SECONDS)).isTrue();
            return commit;
        }
    }

    private static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void keepsTheLatestSnapshotPerAggregate() {
        engine.appendEvents(event("story-1", 0, "filed"), event("story-1", 1, "updated"));
        engine.storeSnapshot(event("story-1", 0, "snapshot at 0"));
        engine.storeSnapshot(event("story-1", 1, "snapshot at 1"));

        var snapshot = engine.readSnapshot("story-1");

        assertThat(snapshot).isPresent();
        assertThat(snapshot.get().getSequenceNumber()).isEqualTo(1L);
        assertThat(((EventStoreFixture.Note) snapshot.get().getPayload()).text()).isEqualTo("snapshot at 1");
    }

    @Test
    void createsTokensAtTheTailTheHeadAndAMoment() throws InterruptedException {
        assertThat(engine.createTailToken()).isNull();
        engine.appendEvents(event("a", 0, "one"));
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        engine.appendEvents(event("a", 1, "two"));

        assertThat(texts(readAll(engine, engine.createTailToken()))).containsExactly("one", "two");
        assertThat(readAll(engine, engine.createHeadToken())).isEmpty();
        assertThat(texts(readAll(engine, engine.createTokenAt(between)))).containsExactly("two");
    }

    @Test
    void refusesATokenOfAnotherKind() {
        TrackingToken foreign = new GlobalSequenceTrackingToken(3);

        assertThatThrownBy(() -> readAll(engine, foreign)).isInstanceOfAny(IllegalArgumentException.class,
                                                                            EventStoreException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never released the slow commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
