package news.storyline.eventstore.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Tuning of the event store, under {@code storyline.event-store}.
 *
 * @param pollInterval how often a reader in another process looks for new events when it has none
 * @param gapTimeout   how long readers wait for a reserved position to be filled before giving up on it
 * @param batchSize    how many events one read fetches
 * @param claimTimeout how long a processor's claim on a segment lasts without renewal before another takes it
 * @param serverSelectionTimeout how long an operation waits for the database to be reachable before it fails (and
 *                               a request is answered {@code 503}); the driver's own default, 30 s, is past the
 *                               patience of every client and of the gateway's time limits
 * @param cachedEvents how many of the latest events the store keeps in memory for the processors that follow it;
 *                     one that falls further behind reads from the database until it has caught up. Axon's default,
 *                     10,000, held about 70 MB of a 256 MB heap in brief-service with agency-sized stories
 */
@ConfigurationProperties("storyline.event-store")
public record EventStoreProperties(Duration pollInterval, Duration gapTimeout, int batchSize, Duration claimTimeout,
                                   Duration serverSelectionTimeout, int cachedEvents) {

    public EventStoreProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
        batchSize = batchSize <= 0 ? 100 : batchSize;
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(10) : claimTimeout;
        serverSelectionTimeout = serverSelectionTimeout == null ? Duration.ofSeconds(2) : serverSelectionTimeout;
        cachedEvents = cachedEvents <= 0 ? 1_000 : cachedEvents;
    }
}
