package news.storyline.bench;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatenciesTest {

    private static final long MS = 1_000_000;

    @Test
    void percentilesAreNearestRankOfMeasuredValues() {
        long[] oneToHundredMs = LongStream.rangeClosed(1, 100).map(ms -> ms * MS).toArray();

        Latencies latencies = Latencies.ofNanos(oneToHundredMs);

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.p50Ms()).isEqualTo(50.0);
        assertThat(latencies.p99Ms()).isEqualTo(99.0);
        assertThat(latencies.maxMs()).isEqualTo(100.0);
    }

    @Test
    void unsortedInputIsSortedAndLeftAsItWas() {
        long[] nanos = {30 * MS, 10 * MS, 20 * MS};

        Latencies latencies = Latencies.ofNanos(nanos);

        assertThat(latencies.p50Ms()).isEqualTo(20.0);
        assertThat(latencies.p99Ms()).isEqualTo(30.0);
        assertThat(nanos).containsExactly(30 * MS, 10 * MS, 20 * MS);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Latencies latencies = Latencies.ofNanos(new long[] {1_234_567});

        assertThat(latencies.p50Ms()).isEqualTo(1.23);
        assertThat(latencies.p99Ms()).isEqualTo(1.23);
        assertThat(latencies.maxMs()).isEqualTo(1.23);
    }

    @Test
    void noSamplesGiveNoFiguresRatherThanZero() {
        assertThat(Latencies.ofNanos(new long[0])).isEqualTo(new Latencies(0, null, null, null));
    }

    @Test
    void aPercentileOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> Latencies.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Latencies.percentile(new long[] {1}, 101))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void samplesBeyondTheCapacityAreNotKept() {
        Samples samples = new Samples(2);
        samples.add(MS);
        samples.add(2 * MS);
        samples.add(3 * MS);

        assertThat(samples.summary().count()).isEqualTo(2);
        assertThat(samples.summary().maxMs()).isEqualTo(2.0);
    }
}
