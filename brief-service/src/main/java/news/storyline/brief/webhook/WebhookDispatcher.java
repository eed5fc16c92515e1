package news.storyline.brief.webhook;

import news.storyline.brief.feed.FeedReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every {@code poll-interval}, hands each webhook that has events to deliver and is due to a worker, unless one of
 * this instance's workers has it already; {@link Leases} keep other instances off it. Stops its workers with the
 * service, interrupting attempts in flight (they count neither way, and are made again after a restart).
 * <p>
 * While there are no webhooks it reads nothing at its ticks: it looks for webhooks again only every
 * {@code lookup-while-none}, or at the next tick once this instance has registered one ({@link #registered()}); a
 * webhook registered on another instance is delivered by that one meanwhile.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final FeedReader feed;
    private final Webhooks webhooks;
    private final WebhookDelivery delivery;
    private final WebhookSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final Set<String> inHand = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean registeredHere = new AtomicBoolean();
    /** When to look for webhooks again while there were none; only the ticker's thread uses it. */
    private Instant noneUntil = Instant.MIN;
    private ScheduledExecutorService ticker;
    private ExecutorService workers;

    WebhookDispatcher(FeedReader feed, Webhooks webhooks, WebhookDelivery delivery, WebhookSettings settings) {
        this.feed = feed;
        this.webhooks = webhooks;
        this.delivery = delivery;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        workers = Executors.newFixedThreadPool(settings.workers(), named("webhook-delivery-"));
        ticker = Executors.newSingleThreadScheduledExecutor(named("webhook-dispatcher-"));
        long interval = settings.pollInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::dispatchDue, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        ticker.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
        ticker = null;
        workers = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }

    /** A webhook was registered on this instance: the next tick looks for webhooks. */
    void registered() {
        registeredHere.set(true);
    }

    void dispatchDue() {
        try {
            Instant now = clock.instant();
            // Taken before the lookup, so that a registration racing it is seen at the next tick at the latest.
            if (!registeredHere.getAndSet(false) && now.isBefore(noneUntil)) {
                return;
            }
            List<Webhook> all = webhooks.all();
            noneUntil = all.isEmpty() ? now.plus(settings.lookupWhileNone()) : Instant.MIN;
            if (all.isEmpty()) {
                return;
            }
            long head = feed.head();
            for (Webhook webhook : all) {
                boolean pending = webhook.position() < head && webhook.isDue(clock.instant());
                if (pending && inHand.add(webhook.id())) {
                    workers.execute(() -> deliver(webhook.id()));
                }
            }
        } catch (RuntimeException failed) {
            // A scheduled task that throws is never run again; the next tick tries afresh.
            log.warn("Could not look for webhooks to deliver", failed);
        }
    }

    private void deliver(String webhookId) {
        try {
            delivery.deliverPending(webhookId);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failed) {
            log.warn("Delivery to webhook {} failed; it is tried again at the next tick", webhookId, failed);
        } finally {
            inHand.remove(webhookId);
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
