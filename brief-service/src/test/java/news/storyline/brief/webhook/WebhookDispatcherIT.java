package news.storyline.brief.webhook;

import com.mongodb.client.MongoDatabase;
import news.storyline.brief.feed.FeedReader;
import news.storyline.testsupport.TestMongo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher's ticks called directly (it is never started, so no tick of its own comes in between), counting
 * how often it looks for webhooks.
 */
class WebhookDispatcherIT {

    private static final Duration NEVER = Duration.ofHours(1);

    private final MongoDatabase database = TestMongo.client().getDatabase(TestMongo.freshDatabaseName("dispatcher"));
    private final AtomicInteger lookups = new AtomicInteger();
    private final Webhooks webhooks = new Webhooks(database) {
        @Override
        List<Webhook> all() {
            lookups.incrementAndGet();
            return super.all();
        }
    };
    private final WebhookSettings settings = new WebhookSettings(NEVER, NEVER, 10, 1, Duration.ofSeconds(30), 1,
                                                                 new Backoff(Duration.ofMillis(1), Duration.ofMillis(1)),
                                                                 Duration.ofSeconds(1), Duration.ofSeconds(1));
    // Nothing is pending in these tests, so nothing is ever delivered.
    private final WebhookDispatcher dispatcher = new WebhookDispatcher(new FeedReader(database), webhooks, null,
                                                                       settings);

    @Test
    void looksForWebhooksOnceWhileThereAreNone() {
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(lookups).hasValue(1);
    }

    @Test
    void looksAgainAtTheNextTickOnceAWebhookIsRegisteredHere() {
        dispatcher.dispatchDue();
        webhooks.add(new Webhook("hook", "http://127.0.0.1:1/", Set.of(), null, "secret", 0, Instant.now(), 0, null,
                                 null));
        dispatcher.registered();
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(lookups).as("while there is one, at every tick").hasValue(3);
    }
}
