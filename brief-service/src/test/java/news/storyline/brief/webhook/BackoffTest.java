package news.storyline.brief.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

    @Test
    void doublesAfterEachFailureFromTheInitialWait() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void neverWaitsLongerThanTheMaximum() {
        assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(1_000)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void refusesAMaximumBelowTheInitialWaitOrNoWaitAtAll() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyFollowsAFailure() {
        assertThatThrownBy(() -> backoff.after(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
