package news.storyline.brief.webhook;

import news.storyline.brief.feed.FeedEntry;
import news.storyline.brief.feed.FeedPage;
import news.storyline.brief.feed.FeedReader;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Delivers a webhook's pending events: in position order, one at a time, each until its receiver answers 2xx, and
 * only then moves the webhook's position past it (at least once).
 * <p>
 * A failed attempt is not retried in a loop here: the webhook records when to try again (exponential backoff)
 * and this instance lets it go until then, so a failing receiver holds no thread and any instance may take over.
 * After the last allowed attempt the event becomes a dead letter and delivery goes on with the next one: the
 * delivered events keep their order, and one poisonous event does not stop a receiver from getting the rest; a
 * dead letter reaches it later, out of order, if an admin redelivers it.
 */
@Component
class WebhookDelivery {

    private final FeedReader feed;
    private final Webhooks webhooks;
    private final DeadLetters deadLetters;
    private final Leases leases;
    private final WebhookSender sender;
    private final WebhookMetrics metrics;
    private final WebhookSettings settings;
    private final Clock clock = Clock.systemUTC();

    WebhookDelivery(FeedReader feed, Webhooks webhooks, DeadLetters deadLetters, Leases leases, WebhookSender sender,
                    WebhookMetrics metrics, WebhookSettings settings) {
        this.feed = feed;
        this.webhooks = webhooks;
        this.deadLetters = deadLetters;
        this.leases = leases;
        this.sender = sender;
        this.metrics = metrics;
        this.settings = settings;
    }

    /** Delivers until the webhook is caught up, an attempt fails, or this instance no longer holds it. */
    void deliverPending(String webhookId) throws InterruptedException {
        if (!leases.acquire(webhookId)) {
            return;
        }
        try {
            boolean more = true;
            while (more) {
                more = deliverPage(webhookId);
            }
        } finally {
            leases.release(webhookId);
        }
    }

    /** @return whether to read on: the page moved the webhook forward and nothing stopped it */
    private boolean deliverPage(String webhookId) throws InterruptedException {
        Webhook webhook = webhooks.find(webhookId).orElse(null);
        if (webhook == null || !webhook.isDue(clock.instant())) {
            return false;
        }
        FeedPage page = feed.page(webhook.position(), settings.pageSize(), webhook.filter());
        int failedAttempts = webhook.failedAttempts();
        long handled = webhook.position();
        for (FeedEntry event : page.entries()) {
            // Renewed before each attempt: a lease lost (or revoked by a deletion) stops delivery here.
            if (!leases.renew(webhookId)) {
                return false;
            }
            Attempt attempt = sender.send(webhook, event.cloudEvent());
            if (!attempt.delivered() && failedAttempts + 1 < settings.maxAttempts()) {
                failedAttempts++;
                webhooks.failed(webhookId, failedAttempts, attempt.at().plus(settings.backoff().after(failedAttempts)),
                                attempt.error());
                metrics.dispatched("failed");
                return false;
            }
            if (attempt.delivered()) {
                metrics.dispatched("delivered");
            } else {
                deadLetters.add(new DeadLetter(webhookId, event.position(), event.ceType(), failedAttempts + 1,
                                               attempt.status(), attempt.error(), attempt.at(), event.cloudEvent()));
                metrics.dispatched("dead-lettered");
            }
            if (!webhooks.advance(webhookId, event.position())) {
                forgetDeadLettersIfRemoved(webhookId);
                return false;
            }
            failedAttempts = 0;
            handled = event.position();
        }
        // Past what the filters skipped too, so the next read starts where this one ended.
        if (page.next() > handled && !webhooks.advance(webhookId, page.next())) {
            return false;
        }
        return page.next() > webhook.position();
    }

    /** A webhook removed during the last attempt must not keep the dead letter that attempt left. */
    private void forgetDeadLettersIfRemoved(String webhookId) {
        if (webhooks.find(webhookId).isEmpty()) {
            deadLetters.removeAll(webhookId);
        }
    }
}
