package news.storyline.brief.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code storyline.webhooks.deliveries} counts attempts by outcome ({@code delivered}, {@code failed}: will be
 * retried, {@code dead-lettered}) and by how they were made ({@code dispatch} or an admin's {@code redelivery});
 * {@code storyline.webhooks.dead-letters} is how many dead letters wait, over all webhooks.
 */
@Component
class WebhookMetrics {

    private final MeterRegistry meters;

    WebhookMetrics(MeterRegistry meters, DeadLetters deadLetters) {
        this.meters = meters;
        Gauge.builder("storyline.webhooks.dead-letters", deadLetters, DeadLetters::count)
             .description("Events no webhook receiver accepted, waiting for redelivery")
             .register(meters);
    }

    void dispatched(String outcome) {
        count(outcome, "dispatch");
    }

    void redelivered(Attempt attempt) {
        count(attempt.delivered() ? "delivered" : "failed", "redelivery");
    }

    private void count(String outcome, String trigger) {
        Counter.builder("storyline.webhooks.deliveries")
               .description("Attempts to deliver an event to a webhook")
               .tag("outcome", outcome)
               .tag("trigger", trigger)
               .register(meters)
               .increment();
    }
}
