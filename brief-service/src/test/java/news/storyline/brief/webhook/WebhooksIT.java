package news.storyline.brief.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.brief.feed.FeedDocuments;
import news.storyline.eventstore.GlobalIndexMongoEventStorageEngine;
import news.storyline.eventstore.StorylineJson;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static news.storyline.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Webhooks against real receivers: HTTP servers on loopback ports that fail, hang and recover as scripted. */
@ServiceIT(properties = {
        "storyline.webhooks.poll-interval=50ms",
        "storyline.webhooks.max-attempts=4",
        "storyline.webhooks.backoff.initial=20ms",
        "storyline.webhooks.backoff.max=100ms",
        "storyline.webhooks.connect-timeout=500ms",
        "storyline.webhooks.read-timeout=500ms",
        "storyline.webhooks.lease=5s"})
class WebhooksIT {

    private static final String FILED = "news.storyline.story.filed.v1";
    private static final String UPDATED = "news.storyline.story.updated.v1";
    private static final String OPENED = "news.storyline.thread.opened.v1";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    Api api;

    @Autowired
    @Qualifier("storylineDatabase")
    MongoDatabase database;

    @Autowired
    MeterRegistry meters;

    private FeedDocuments feed;
    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @BeforeEach
    void feed() {
        feed = new FeedDocuments(database);
    }

    @AfterEach
    void removeWebhooksAndReceivers() {
        api.get("/api/admin/webhooks").getBody().get("webhooks")
           .forEach(webhook -> api.send(HttpMethod.DELETE, "/api/admin/webhooks/" + webhook.get("id").asText(), null,
                                        null));
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void aReceiverThatFailsAtFirstGetsEveryEventOnceItRecoversInOrderAndSigned() throws Exception {
        WebhookReceiver receiver = receiver().thenAnswer(500).thenStall(Duration.ofSeconds(1)).thenAnswer(503);
        JsonNode webhook = register("{\"url\": \"" + receiver.url() + "\"}");
        String secret = webhook.get("secret").asText();

        List<String> events = List.of(feed.append(FILED), feed.append(UPDATED), feed.append(UPDATED),
                                      feed.append(FILED), feed.append(UPDATED));

        await().atMost(PATIENCE).until(receiver::acceptedBodies, bodies -> bodies.size() >= events.size());
        assertThat(receiver.acceptedBodies()).isEqualTo(events);
        // The first event took four attempts (max-attempts is 4): a 500, a hang past the read timeout, a 503, a 204.
        assertThat(receiver.received()).hasSize(events.size() + 3)
                                       .allSatisfy(request -> {
                                           assertThat(request.contentType()).isEqualTo("application/cloudevents+json");
                                           assertThat(request.signature()).isEqualTo(hmacSha256(secret, request.body()));
                                       });
        JsonNode delivered = await().atMost(PATIENCE).until(() -> api.get(location(webhook)).getBody(),
                                                             state -> state.get("failedAttempts").asInt() == 0);
        assertThat(delivered.get("position").asLong()).isEqualTo(position(events.get(events.size() - 1)));
    }

    @Test
    void deliversTheEventsStoryServiceWritesAsTheFeedStoresThem() {
        WebhookReceiver receiver = receiver();
        register("{\"url\": \"" + receiver.url() + "\", \"thread\": \"ukraine-peace-talks\"}");
        String story = UUID.randomUUID().toString();
        Editor editor = Editor.of("editor");

        append("Story", story, 0, new StoryFiledEvent(story, "Кремъл: преговорите продължават", "Лийд.", "Текст.",
                                                     Dateline.of("Москва"), "bg", "world", editor, Instant.now()));
        append("Story", story, 1, new StoryLinkedEvent(story, LinkTarget.thread("ukraine-peace-talks"), editor,
                                                      Instant.now()));
        append("Story", story, 2, new StoryUpdatedEvent(story, "Кремъл: мирните преговори продължават", null, null,
                                                       RevisionKind.UPDATE, null, editor, Instant.now()));

        await().atMost(PATIENCE).until(() -> receiver.acceptedBodies().size() >= 2);
        List<String> stored = database.getCollection("feed").find(new Document("event.aggregateId", story))
                                      .sort(new Document("_id", 1)).map(entry -> entry.getString("cloudEvent"))
                                      .into(new ArrayList<>());
        // Filed before it was linked: not yet in the thread, so only the link and the update reach the webhook.
        assertThat(stored).hasSize(3);
        assertThat(receiver.acceptedBodies()).containsExactly(stored.get(1), stored.get(2));
        assertThat(stored.get(2)).contains("\"type\":\"news.storyline.story.updated.v1\"")
                                 .contains("мирните преговори");
    }

    @Test
    void aReceiverThatKeepsFailingLeavesDeadLettersThatAreRedeliveredOnceItRecovers() {
        WebhookReceiver receiver = receiver().otherwiseAnswer(500);
        JsonNode webhook = register("{\"url\": \"" + receiver.url() + "\"}");
        String first = feed.append(FILED);
        String second = feed.append(UPDATED);

        JsonNode letters = await().atMost(PATIENCE).until(
                () -> api.get(location(webhook) + "/dead-letters").getBody().get("deadLetters"),
                found -> found.size() == 2);
        assertThat(letters.get(0).get("position").asLong()).isEqualTo(position(first));
        assertThat(letters.get(0).get("type").asText()).isEqualTo(FILED);
        assertThat(letters.get(0).get("attempts").asInt()).isEqualTo(4);
        assertThat(letters.get(0).get("status").asInt()).isEqualTo(500);
        assertThat(letters.get(1).get("position").asLong()).isEqualTo(position(second));
        assertThat(receiver.received()).hasSize(8);
        assertThat(api.get(location(webhook)).getBody().get("deadLetters").asLong()).isEqualTo(2);
        assertThat(meters.get("storyline.webhooks.deliveries").tag("outcome", "dead-lettered").counter().count())
                .isGreaterThanOrEqualTo(2);
        assertThat(meters.get("storyline.webhooks.dead-letters").gauge().value()).isGreaterThanOrEqualTo(2);

        String redeliverFirst = location(webhook) + "/dead-letters/" + position(first) + "/redeliver";
        JsonNode stillFailing = api.post(redeliverFirst, null).getBody();
        assertThat(stillFailing.get("delivered").asBoolean()).isFalse();
        assertThat(stillFailing.get("status").asInt()).isEqualTo(500);
        assertThat(api.get(location(webhook) + "/dead-letters").getBody().get("deadLetters").get(0)
                      .get("attempts").asInt()).isEqualTo(5);

        receiver.otherwiseAnswer(204);
        ResponseEntity<JsonNode> redelivered = api.post(redeliverFirst, null);

        assertThat(redelivered.getStatusCode().value()).isEqualTo(200);
        assertThat(redelivered.getBody().get("delivered").asBoolean()).isTrue();
        assertThat(receiver.acceptedBodies()).containsExactly(first);
        JsonNode remaining = api.get(location(webhook) + "/dead-letters").getBody().get("deadLetters");
        assertThat(remaining).hasSize(1);
        assertThat(remaining.get(0).get("position").asLong()).isEqualTo(position(second));
        assertProblem(api.post(redeliverFirst, null), 404, "not-found");

        String third = feed.append(FILED);
        await().atMost(PATIENCE).until(receiver::acceptedBodies, bodies -> bodies.contains(third));
    }

    @Test
    void deliversOnlyTheTypesAndTheThreadAWebhookAskedFor() {
        WebhookReceiver filed = receiver();
        WebhookReceiver ukraine = receiver();
        register("{\"url\": \"" + filed.url() + "\", \"types\": [\"" + FILED + "\", \"" + OPENED + "\"]}");
        register("{\"url\": \"" + ukraine.url() + "\", \"thread\": \"ukraine-peace-talks\"}");

        String filedElsewhere = feed.append(FILED, List.of("iran"));
        String updatedInUkraine = feed.append(UPDATED, List.of("ukraine-peace-talks", "iran"));
        feed.append(UPDATED, List.of());
        String threadOpened = feed.append(OPENED, List.of("ukraine-peace-talks"));

        await().atMost(PATIENCE).until(() -> filed.acceptedBodies().size() >= 2
                                             && ukraine.acceptedBodies().size() >= 2);
        assertThat(filed.acceptedBodies()).containsExactly(filedElsewhere, threadOpened);
        assertThat(ukraine.acceptedBodies()).containsExactly(updatedInUkraine, threadOpened);
    }

    @Test
    void startsAfterTheGivenPositionOrByDefaultWithTheNextEvent() {
        String before = feed.append(FILED);
        WebhookReceiver fromNow = receiver();
        WebhookReceiver fromBefore = receiver();
        JsonNode registered = register("{\"url\": \"" + fromNow.url() + "\"}");
        register("{\"url\": \"" + fromBefore.url() + "\", \"after\": " + (position(before) - 1) + "}");
        assertThat(registered.get("position").asLong()).isEqualTo(position(before));

        String after = feed.append(UPDATED);

        await().atMost(PATIENCE).until(() -> fromNow.acceptedBodies().size() >= 1
                                             && fromBefore.acceptedBodies().size() >= 2);
        assertThat(fromNow.acceptedBodies()).containsExactly(after);
        assertThat(fromBefore.acceptedBodies()).containsExactly(before, after);
    }

    @Test
    void showsTheSecretOnlyWhenTheWebhookIsRegistered() {
        ResponseEntity<JsonNode> created = api.post("/api/admin/webhooks",
                                                    "{\"url\": \"https://receiver.example/hooks/storyline\"}");

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = created.getBody().get("id").asText();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/admin/webhooks/" + id);
        assertThat(created.getBody().get("secret").asText()).isNotBlank();
        assertThat(created.getBody().get("url").asText()).isEqualTo("https://receiver.example/hooks/storyline");
        JsonNode shown = api.get("/api/admin/webhooks/" + id).getBody();
        assertThat(shown.get("id").asText()).isEqualTo(id);
        assertThat(shown.has("secret")).isFalse();
        assertThat(api.get("/api/admin/webhooks").getBody().get("webhooks"))
                .anySatisfy(listed -> assertThat(listed.get("id").asText()).isEqualTo(id))
                .allSatisfy(listed -> assertThat(listed.has("secret")).isFalse());
    }

    @Test
    void refusesWhatIsNotAWebhookWithAProblem() {
        assertRefused("{}", "url");
        assertRefused("{\"url\": \"ftp://receiver.example/hook\"}", "url");
        assertRefused("{\"url\": \"/hook\"}", "url");
        assertRefused("{\"url\": \"http://exa mple/\"}", "url");
        assertRefused("{\"url\": \"https://user:password@receiver.example/hook\"}", "url");
        assertRefused("{\"url\": \"http://receiver.example:99999/hook\"}", "url");
        assertRefused("{\"url\": \"http://receiver.example:0/hook\"}", "url");
        for (String obscured : List.of("0x7f000001", "2130706433", "127.1", "0177.0.0.1", "10.0.0.0x1")) {
            assertRefused("{\"url\": \"http://" + obscured + "/hook\"}", "url");
        }
        assertRefused("{\"url\": \"http://receiver.example/\", \"types\": [\"" + FILED + "\", \"story.filed\"]}",
                      "types[1]");
        assertRefused("{\"url\": \"http://receiver.example/\", \"thread\": \"Мирни преговори\"}", "thread");
        assertRefused("{\"url\": \"http://receiver.example/\", \"after\": -1}", "after");
        assertRefused("{\"url\": \"http://receiver.example/\", \"after\": 1000000}", "after");

        ResponseEntity<JsonNode> misspelt = api.post("/api/admin/webhooks",
                                                     "{\"url\": \"http://receiver.example/\", \"type\": [\"x\"]}");
        assertProblem(misspelt, 400, "malformed-body");
        assertThat(misspelt.getBody().get("field").asText()).isEqualTo("type");
        assertThat(api.get("/api/admin/webhooks").getBody().get("webhooks")).isEmpty();
    }

    @Test
    void answersAnUnknownWebhookWithNotFound() {
        assertProblem(api.get("/api/admin/webhooks/nope"), 404, "not-found");
        assertProblem(api.get("/api/admin/webhooks/nope/dead-letters"), 404, "not-found");
        assertProblem(api.send(HttpMethod.DELETE, "/api/admin/webhooks/nope", null, null), 404, "not-found");
        assertProblem(api.post("/api/admin/webhooks/nope/dead-letters/1/redeliver", null), 404, "not-found");
    }

    @Test
    void aRemovedWebhookGetsNoMoreEvents() {
        WebhookReceiver removed = receiver();
        WebhookReceiver kept = receiver();
        JsonNode webhook = register("{\"url\": \"" + removed.url() + "\"}");
        register("{\"url\": \"" + kept.url() + "\"}");
        String first = feed.append(FILED);
        await().atMost(PATIENCE).until(() -> removed.acceptedBodies().contains(first));

        assertThat(api.send(HttpMethod.DELETE, location(webhook), null, null).getStatusCode().value()).isEqualTo(204);
        assertProblem(api.get(location(webhook)), 404, "not-found");
        String second = feed.append(UPDATED);

        // The kept webhook is dispatched by the same ticks: once it has the event, the removed one had its chance.
        await().atMost(PATIENCE).until(() -> kept.acceptedBodies().contains(second));
        await().pollDelay(Duration.ofMillis(300)).atMost(PATIENCE).until(() -> true);
        assertThat(removed.received()).extracting(WebhookReceiver.Received::body).containsExactly(first);
    }

    @Test
    void onlyOneInstanceAtATimeHoldsAWebhooksLease() throws Exception {
        WebhookSettings shortLeases = new WebhookSettings(Duration.ofMillis(50), Duration.ofSeconds(30), 10, 1,
                                                          Duration.ofMillis(300), 1,
                                                          new Backoff(Duration.ofMillis(1), Duration.ofMillis(1)),
                                                          Duration.ofMillis(100), Duration.ofMillis(100));
        Leases one = new Leases(database, shortLeases);
        Leases other = new Leases(database, shortLeases);

        assertThat(one.acquire("lease-test")).isTrue();
        assertThat(other.acquire("lease-test")).isFalse();
        assertThat(one.renew("lease-test")).isTrue();
        Thread.sleep(400);
        assertThat(other.acquire("lease-test")).as("an expired lease is taken over").isTrue();
        assertThat(one.renew("lease-test")).as("a lease taken over is not renewed").isFalse();
        other.release("lease-test");
        assertThat(one.acquire("lease-test")).isTrue();
        one.release("lease-test");
    }

    /** Appends an event to the event store as story-service would. */
    private void append(String aggregateType, String aggregateId, long sequence, Object event) {
        GlobalIndexMongoEventStorageEngine.builder()
                                          .database(database)
                                          .eventSerializer(StorylineJson.serializer())
                                          .snapshotSerializer(StorylineJson.serializer())
                                          .build()
                                          .appendEvents(new GenericDomainEventMessage<>(aggregateType, aggregateId,
                                                                                        sequence, event));
    }

    private WebhookReceiver receiver() {
        try {
            WebhookReceiver receiver = WebhookReceiver.start();
            receivers.add(receiver);
            return receiver;
        } catch (IOException noPort) {
            throw new IllegalStateException(noPort);
        }
    }

    private JsonNode register(String body) {
        ResponseEntity<JsonNode> response = api.post("/api/admin/webhooks", body);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody();
    }

    private void assertRefused(String body, String field) {
        ResponseEntity<JsonNode> response = api.post("/api/admin/webhooks", body);
        assertProblem(response, 400, "invalid-request");
        assertThat(response.getBody().get("field").asText()).as(body).isEqualTo(field);
    }

    private static String location(JsonNode webhook) {
        return "/api/admin/webhooks/" + webhook.get("id").asText();
    }

    private static long position(String cloudEvent) {
        int start = cloudEvent.indexOf("\"position\":") + "\"position\":".length();
        return Long.parseLong(cloudEvent.substring(start, cloudEvent.indexOf(',', start)));
    }

    /** The signature as a receiver checks it, computed here independently of the service's code. */
    private static String hmacSha256(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
