package news.storyline.brief.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSettingsTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

    @Test
    void refusesALeaseThatOneAttemptCouldOutlast() {
        assertThatThrownBy(() -> settings(Duration.ofSeconds(12), Duration.ofSeconds(2), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lease");
    }

    @Test
    void acceptsALeaseLongerThanAnAttempt() {
        assertThat(settings(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(10)).lease())
                .isEqualTo(Duration.ofSeconds(30));
    }

    private static WebhookSettings settings(Duration lease, Duration connectTimeout, Duration readTimeout) {
        return new WebhookSettings(Duration.ofMillis(500), Duration.ofSeconds(30), 100, 4, lease, 8, BACKOFF,
                                   connectTimeout, readTimeout);
    }
}
