package news.storyline.brief.webhook;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends one event to a receiver: a structured-mode CloudEvent, the feed's stored JSON as the body, signed (see
 * {@link Signatures}). Redirects are not followed: a receiver that moved is a failed attempt, and the admin
 * registers its new URL.
 */
@Component
class WebhookSender {

    static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

    private final HttpClient http;
    private final Duration readTimeout;
    private final Clock clock = Clock.systemUTC();

    WebhookSender(WebhookSettings settings) {
        this.http = HttpClient.newBuilder()
                              .connectTimeout(settings.connectTimeout())
                              .followRedirects(HttpClient.Redirect.NEVER)
                              .build();
        this.readTimeout = settings.readTimeout();
    }

    /**
     * One attempt; never throws for what the receiver or the network did.
     *
     * @throws InterruptedException when the instance is stopping; the attempt counts neither way
     */
    Attempt send(Webhook webhook, String cloudEvent) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
                                         // the request timeout runs from sending until the answer's headers
                                         .timeout(readTimeout)
                                         .header("Content-Type", CLOUDEVENTS_JSON)
                                         .header(Signatures.HEADER, Signatures.sign(webhook.secret(), cloudEvent))
                                         .header("User-Agent", "Storyline-Webhooks")
                                         .POST(HttpRequest.BodyPublishers.ofString(cloudEvent))
                                         .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Attempt(status, status >= 200 && status < 300 ? null : "The receiver answered " + status,
                               clock.instant());
        } catch (HttpTimeoutException timeout) {
            return new Attempt(null, "No answer in time: " + timeout.getMessage(), clock.instant());
        } catch (IOException failed) {
            return new Attempt(null, "Could not deliver: " + failed, clock.instant());
        }
    }
}
