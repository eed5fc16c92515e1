package news.storyline.brief.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounded wait for a read model, against a read that counts how often it is asked. */
class FreshnessTest {

    private final Freshness freshness = new Freshness(Duration.ofMillis(200), Duration.ofMillis(5));
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void withoutAMinVersionReadsOnce() {
        assertThat(freshness.atLeast(null, versions(0L, 1L), Long::longValue)).contains(0L);
        assertThat(reads).hasValue(1);
    }

    @Test
    void readsAgainUntilTheVersionIsReached() {
        assertThat(freshness.atLeast(3L, versions(1L, 2L, 3L), Long::longValue)).contains(3L);
        assertThat(reads).hasValue(3);
    }

    @Test
    void saysSoWhenTheVersionIsNotReachedInTime() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> freshness.atLeast(5L, versions(1L), Long::longValue))
                .isInstanceOf(Freshness.NotCaughtUpException.class).hasMessageContaining("version 5");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(reads.get()).isGreaterThan(1);
    }

    @Test
    void withinGivesUpEmptyAfterItsBound() {
        long start = System.nanoTime();

        assertThat(freshness.within(Duration.ofMillis(50), () -> {
            reads.incrementAndGet();
            return Optional.empty();
        })).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(reads.get()).isGreaterThan(1);
    }

    /** Answers each of {@code versions} in turn, then the last one again. */
    private Supplier<Optional<Long>> versions(Long... versions) {
        return () -> Optional.of(versions[Math.min(reads.getAndIncrement(), versions.length - 1)]);
    }
}
