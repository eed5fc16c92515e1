package news.storyline.brief.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code storyline.webhooks.*}: how webhooks are delivered.
 *
 * @param pollInterval   how often an instance looks for webhooks with something to deliver
 * @param lookupWhileNone how often an instance that found no webhooks looks for them again (it looks at once
 *                        after one is registered on it)
 * @param pageSize       how many feed events one read takes
 * @param workers        how many webhooks an instance delivers to at once (one worker per webhook at a time)
 * @param lease          how long an instance holds a webhook without renewing; renewed before every attempt
 * @param maxAttempts    attempts at one event before it goes to the dead letters
 * @param backoff        the wait after a failed attempt, doubling from {@code initial} up to {@code max}
 * @param connectTimeout how long to wait for the receiver to accept the connection
 * @param readTimeout    how long to wait for the receiver's answer once the request is sent
 */
@ConfigurationProperties("storyline.webhooks")
public record WebhookSettings(Duration pollInterval, Duration lookupWhileNone, int pageSize, int workers,
                              Duration lease, int maxAttempts, Backoff backoff, Duration connectTimeout,
                              Duration readTimeout) {

    public WebhookSettings {
        if (pageSize < 1 || workers < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("storyline.webhooks: page-size, workers and max-attempts must be positive");
        }
        // A lease must outlast one attempt, or a second instance could deliver the same webhook meanwhile.
        if (lease.compareTo(connectTimeout.plus(readTimeout)) <= 0) {
            throw new IllegalArgumentException("storyline.webhooks.lease must be longer than connect-timeout and "
                                               + "read-timeout together");
        }
    }
}
