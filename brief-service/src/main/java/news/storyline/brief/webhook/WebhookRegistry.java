package news.storyline.brief.webhook;

import news.storyline.api.query.QueryRefusedException;
import news.storyline.api.rules.ThreadSlug;
import news.storyline.brief.feed.CloudEventMapping;
import news.storyline.brief.feed.FeedReader;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** What the admin API does with webhooks: registers, shows and removes them, and redelivers dead letters. */
@Service
public class WebhookRegistry {

    private static final int MAX_URL_LENGTH = 2000;
    private static final int MAX_PORT = 65_535;
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    /** A thread's slug as threads are keyed: lower-case Latin words and digits joined by hyphens. */
    private static final Pattern SLUG = Pattern.compile(ThreadSlug.PATTERN);

    private final Webhooks webhooks;
    private final DeadLetters deadLetters;
    private final Leases leases;
    private final FeedReader feed;
    private final WebhookSender sender;
    private final WebhookMetrics metrics;
    private final WebhookDispatcher dispatcher;
    private final Clock clock = Clock.systemUTC();

    WebhookRegistry(Webhooks webhooks, DeadLetters deadLetters, Leases leases, FeedReader feed, WebhookSender sender,
                    WebhookMetrics metrics, WebhookDispatcher dispatcher) {
        this.webhooks = webhooks;
        this.deadLetters = deadLetters;
        this.leases = leases;
        this.feed = feed;
        this.sender = sender;
        this.metrics = metrics;
        this.dispatcher = dispatcher;
    }

    /** Registers a webhook; the answer is the only one that carries its secret. */
    public WebhookView register(WebhookRequest request) {
        String url = validUrl(request.url());
        Set<String> types = knownTypes(request.types());
        String thread = validThread(request.thread());
        long head = feed.head();
        long after = request.after() == null ? head : request.after();
        if (after < 0 || after > head) {
            throw new QueryRefusedException("after", "after must be a position from 0 to the feed's head, " + head);
        }
        Webhook webhook = new Webhook(UUID.randomUUID().toString(), url, types, thread, Signatures.newSecret(), after,
                                      clock.instant(), 0, null, null);
        webhooks.add(webhook);
        dispatcher.registered();
        return WebhookView.of(webhook, 0).withSecret(webhook.secret());
    }

    public List<WebhookView> all() {
        return webhooks.all().stream().map(this::view).toList();
    }

    public Optional<WebhookView> find(String id) {
        return webhooks.find(id).map(this::view);
    }

    /**
     * Removes the webhook, its dead letters and its lease: a delivery in progress stops before its next attempt.
     *
     * @return whether there was such a webhook
     */
    public boolean remove(String id) {
        boolean removed = webhooks.remove(id);
        leases.revoke(id);
        deadLetters.removeAll(id);
        return removed;
    }

    /** The webhook's dead letters in position order; empty when there is no such webhook. */
    public Optional<List<DeadLetter>> deadLetters(String id) {
        return webhooks.find(id).map(webhook -> deadLetters.of(id));
    }

    /**
     * Sends a dead letter again, once, at once: out of order with what was delivered meanwhile. Removes it when the
     * receiver takes it, else records the failure on it.
     *
     * @return empty when there is no such webhook or dead letter
     */
    public Optional<Redelivery> redeliver(String id, long position) throws InterruptedException {
        Optional<Webhook> webhook = webhooks.find(id);
        Optional<DeadLetter> letter = deadLetters.find(id, position);
        if (webhook.isEmpty() || letter.isEmpty()) {
            return Optional.empty();
        }
        Attempt attempt = sender.send(webhook.get(), letter.get().cloudEvent());
        metrics.redelivered(attempt);
        if (attempt.delivered()) {
            deadLetters.remove(id, position);
        } else {
            deadLetters.failedAgain(letter.get(), attempt);
        }
        return Optional.of(new Redelivery(position, attempt.delivered(), attempt.status(), attempt.error()));
    }

    private WebhookView view(Webhook webhook) {
        return WebhookView.of(webhook, deadLetters.count(webhook.id()));
    }

    private static String validUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new QueryRefusedException("url", "url is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new QueryRefusedException("url", "url is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            throw new QueryRefusedException("url", "url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new QueryRefusedException("url", "url must be an absolute http or https URL with a host");
        }
        // Credentials in the URL would be shown to every admin who lists the webhooks.
        if (uri.getUserInfo() != null) {
            throw new QueryRefusedException("url", "url must not carry credentials");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > MAX_PORT)) {
            throw new QueryRefusedException("url", "url's port must be between 1 and " + MAX_PORT);
        }
        if (isObscuredAddress(uri.getHost())) {
            throw new QueryRefusedException("url", "url's host must be a name or an IP address in its usual form");
        }
        return url;
    }

    /**
     * A host made of numbers that is not a plain dotted quad ({@code 0x7f000001}, {@code 2130706433},
     * {@code 127.1}, {@code 0177.0.0.1}): resolvers read such forms as addresses in different ways, which is how
     * a target hides where it points. A name's last label is never all digits; IPv6 literals come in brackets.
     */
    private static boolean isObscuredAddress(String host) {
        String lastLabel = host.substring(host.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        boolean numeric = lastLabel.chars().allMatch(Character::isDigit) || lastLabel.matches("0x[0-9a-f]*");
        return numeric && !DOTTED_QUAD.matcher(host).matches();
    }

    private static Set<String> knownTypes(List<String> types) {
        if (types == null) {
            return Set.of();
        }
        for (int n = 0; n < types.size(); n++) {
            CloudEventMapping.requireKnown("types[" + n + "]", List.of(types.get(n)));
        }
        return new LinkedHashSet<>(types);
    }

    private static String validThread(String thread) {
        if (thread != null && (thread.length() > ThreadSlug.MAX_LENGTH || !SLUG.matcher(thread).matches())) {
            throw new QueryRefusedException("thread", "thread must be a thread's slug, such as ukraine-peace-talks");
        }
        return thread;
    }
}
