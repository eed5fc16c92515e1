package news.storyline.examples.subscriber;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints one line per event of the feed: position, type, subject. Stop it with Ctrl-C; started again, it goes on
 * after the last event it printed.
 * <pre>
 * STORYLINE_URL=http://127.0.0.1:8080 STORYLINE_TOKEN=$(bin/stack token subscriber) \
 *     mvn -q -pl examples/feed-subscriber compile exec:java -Dexec.args="--position-file var/subscriber.position"
 * </pre>
 * Options (each also an environment variable): {@code --url} ({@code STORYLINE_URL}), {@code --token}
 * ({@code STORYLINE_TOKEN}), {@code --position-file} ({@code STORYLINE_POSITION_FILE}, default
 * {@code feed-subscriber.position}), {@code --poll-ms} ({@code STORYLINE_POLL_MS}, default 1000).
 */
public final class PrintEvents {

    private static final int PAGE_SIZE = 100;
    private static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private PrintEvents() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = option(options, "url", "STORYLINE_URL", null);
        String token = option(options, "token", "STORYLINE_TOKEN", null);
        if (url == null || token == null) {
            System.err.println("Usage: PrintEvents --url <gateway> --token <bearer token> [--position-file <file>] "
                               + "[--poll-ms <ms>]  (or STORYLINE_URL, STORYLINE_TOKEN, ...)");
            System.exit(2);
        }
        Path positions = Path.of(option(options, "position-file", "STORYLINE_POSITION_FILE",
                                        "feed-subscriber.position"));
        Duration poll = Duration.ofMillis(Long.parseLong(option(options, "poll-ms", "STORYLINE_POLL_MS", "1000")));

        FeedSubscriber subscriber = new FeedSubscriber(
                new FeedClient(URI.create(url), token, PAGE_SIZE), new PositionFile(positions),
                event -> System.out.println(event.path("position").asLong() + " " + event.path("type").asText()
                                            + " " + event.path("subject").asText()),
                poll, INITIAL_BACKOFF, MAX_BACKOFF);
        stopOnShutdown(Thread.currentThread());
        subscriber.run();
    }

    /** Ctrl-C interrupts the subscriber and waits for it to stop between events, its position saved. */
    private static void stopOnShutdown(Thread subscriber) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            subscriber.interrupt();
            try {
                subscriber.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("Every option takes a value: --name value");
        }
        for (int n = 0; n < args.length; n += 2) {
            if (!args[n].startsWith("--")) {
                throw new IllegalArgumentException("Expected an option such as --url, not " + args[n]);
            }
            options.put(args[n].substring(2), args[n + 1]);
        }
        return options;
    }

    private static String option(Map<String, String> options, String name, String variable, String otherwise) {
        String value = options.getOrDefault(name, System.getenv(variable));
        return value == null || value.isBlank() ? otherwise : value;
    }
}
