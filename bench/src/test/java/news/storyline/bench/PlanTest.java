package news.storyline.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PlanTest {

    /** Start-up of the stack (~30 s) and of the peer (~20 s) and the stop take the rest of the three minutes. */
    @Test
    void theQuickRunsMeasurementsAndLongestWaitsTakeUnderTwoMinutes() {
        Plan quick = Plan.quick();
        Duration longestWaits = quick.catchUpLimit().multipliedBy(quick.sizes().size()).plus(quick.rebuildLimit());

        assertThat(quick.estimate().plus(longestWaits)).isLessThan(Duration.ofMinutes(2));
    }

    @Test
    void theFullRunMeasuresTheIssuesSizesAndRebuildsAtEach() {
        assertThat(Plan.full().sizes()).containsExactly(10_000L, 100_000L, 1_000_000L);
        assertThat(Plan.full().rebuildAtEachSize()).isTrue();
        assertThat(Plan.full().writeClients()).containsExactly(1, 8, 32);
    }

    @Test
    void aFullRunUpToASizeMeasuresTheSizesBelowItThenItAndSaysSo() {
        Plan upTo = Plan.full().upTo(100_000);

        assertThat(upTo.sizes()).containsExactly(10_000L, 100_000L);
        assertThat(upTo.name()).isEqualTo("full up to 100000 events");
        assertThat(Plan.full().upTo(50_000).sizes()).containsExactly(10_000L, 50_000L);
        assertThat(upTo.rebuildAtEachSize()).isTrue();
    }
}
