package news.storyline.brief.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A webhook as the admin API shows it. The {@code secret} only in the answer to its registration: it is shown once.
 *
 * @param deadLetters how many events wait in its dead letters
 */
public record WebhookView(String id, String url, List<String> types, String thread, long position,
                          Instant createdAt, int failedAttempts, Instant retryAt, String lastError, long deadLetters,
                          String secret) {

    static WebhookView of(Webhook webhook, long deadLetters) {
        return new WebhookView(webhook.id(), webhook.url(), webhook.types().stream().sorted().toList(),
                               webhook.thread(), webhook.position(), webhook.createdAt(), webhook.failedAttempts(),
                               webhook.retryAt(), webhook.lastError(), deadLetters, null);
    }

    WebhookView withSecret(String secret) {
        return new WebhookView(id, url, types, thread, position, createdAt, failedAttempts, retryAt, lastError,
                               deadLetters, secret);
    }
}
