package news.storyline.story.web.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code storyline.idempotency.*}: how long an answer is kept for retries ({@code retention}), how long a claim
 * without an answer holds its key before it counts as abandoned by a crashed holder ({@code claim-timeout}), how
 * long a retry waits for the first attempt to finish ({@code wait-for}, looking every {@code poll-every}), and the
 * longest key a client may send ({@code max-key-length}).
 */
@ConfigurationProperties("storyline.idempotency")
public record IdempotencyProperties(Duration retention, Duration claimTimeout, Duration waitFor, Duration pollEvery,
                                    int maxKeyLength) {

    public IdempotencyProperties {
        Objects.requireNonNull(retention, "storyline.idempotency.retention");
        Objects.requireNonNull(claimTimeout, "storyline.idempotency.claim-timeout");
        Objects.requireNonNull(waitFor, "storyline.idempotency.wait-for");
        Objects.requireNonNull(pollEvery, "storyline.idempotency.poll-every");
        if (maxKeyLength < 1) {
            throw new IllegalArgumentException("storyline.idempotency.max-key-length must be positive");
        }
    }
}
