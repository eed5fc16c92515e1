package news.storyline.story.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import news.storyline.api.story.Editor;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.StoryWithdrawnEvent;
import news.storyline.api.thread.ThreadOpenedEvent;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import news.storyline.testsupport.TestCallers;
import news.storyline.trust.Caller;
import news.storyline.trust.CallerTokens;
import news.storyline.trust.Roles;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static news.storyline.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * story-service answers only requests the gateway relayed, and takes the editor of a change from the gateway's
 * caller token alone.
 */
@ServiceIT
class GatewayOnlyIT {

    private static final String STORY = """
            {"headline": "Иран и Русия подписаха споразумение", "lead": "Двете страни се договориха.",
             "body": "Споразумението е за двадесет години.", "dateline": {"place": "Техеран"}, "language": "bg"}
            """;
    private static final Caller EDITOR = new Caller("editor-42", "Елена Иванова", Set.of(Roles.EDITOR, Roles.READER));
    private static final Caller READER = new Caller("reader-7", "Читател", Set.of(Roles.READER));

    @Autowired
    Api api;

    @Autowired
    MongoDatabase database;

    @Autowired
    EventStore eventStore;

    @Test
    void refusesAWriteWithoutACallerTokenAndWritesNothing() {
        refusedAsUntrusted(api.withoutCaller(), new HttpHeaders());
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() {
        byte[] otherSecret = new byte[32];
        new SecureRandom().nextBytes(otherSecret);

        refusedAsUntrusted(api.withoutCaller(), callerToken(new CallerTokens(otherSecret).issue(EDITOR)));
    }

    @Test
    void refusesAnExpiredToken() {
        Clock twoMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2));
        CallerTokens gatewayThen = new CallerTokens(Base64.getDecoder().decode(TestCallers.base64Secret()), twoMinutesAgo);

        refusedAsUntrusted(api.withoutCaller(), callerToken(gatewayThen.issue(EDITOR)));
    }

    @Test
    void refusesAnEditorNamedInAHeaderInsteadOfAToken() {
        HttpHeaders forged = new HttpHeaders();
        forged.set("X-Storyline-Editor", "editor-42");
        forged.set("X-Storyline-Editor-Name", "Elena Ivanova");

        refusedAsUntrusted(api.withoutCaller(), forged);
    }

    @Test
    void refusesAWriteByACallerWhoIsNoEditor() {
        long before = events().countDocuments();

        ResponseEntity<JsonNode> refused = api.as(READER).post("/api/stories", STORY);

        assertProblem(refused, 403, "forbidden");
        assertThat(events().countDocuments()).isEqualTo(before);
    }

    @Test
    void recordsTheTokensCallerAsTheEditorWhateverElseTheRequestClaims() {
        Api editor = api.as(EDITOR);
        HttpHeaders claims = new HttpHeaders();
        claims.set("X-Storyline-Editor", "someone-else");
        claims.set("X-Storyline-Editor-Name", "Someone Else");

        String id = editor.send(POST, "/api/stories", null, STORY, claims).getBody().get("id").asText();
        editor.send(PUT, "/api/stories/" + id, "\"1\"",
                    "{\"headline\": \"Иран и Русия подписаха договор\", \"kind\": \"UPDATE\"}", claims);
        editor.send(POST, "/api/stories/" + id + "/withdrawal", null, "{\"reason\": \"Дубликат\"}", claims);
        String slug = editor.send(POST, "/api/threads", null, "{\"title\": \"Иран\"}", claims)
                            .getBody().get("id").asText();

        Editor expected = new Editor("editor-42", "Елена Иванова");
        List<Object> payloads = payloadsOf(id);
        assertThat(payloads).hasSize(3);
        assertThat(((StoryFiledEvent) payloads.get(0)).filedBy()).isEqualTo(expected);
        assertThat(((StoryUpdatedEvent) payloads.get(1)).editor()).isEqualTo(expected);
        assertThat(((StoryWithdrawnEvent) payloads.get(2)).editor()).isEqualTo(expected);
        assertThat(((ThreadOpenedEvent) payloadsOf(slug).get(0)).editor()).isEqualTo(expected);
    }

    @Test
    void refusesABodyThatTriesToNameTheEditor() {
        long before = events().countDocuments();

        assertProblem(api.post("/api/stories", STORY.replace("\"language\"", "\"filedBy\": \"someone-else\", \"language\"")),
                      400, "malformed-body");
        assertProblem(api.post("/api/stories", STORY.replace("\"language\"",
                                                             "\"editor\": {\"id\": \"someone-else\"}, \"language\"")),
                      400, "malformed-body");
        assertThat(events().countDocuments()).isEqualTo(before);
    }

    @Test
    void leavesHealthOpenForProbes() {
        ResponseEntity<JsonNode> health = api.withoutCaller().get("/actuator/health");

        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
    }

    private void refusedAsUntrusted(Api client, HttpHeaders headers) {
        long before = events().countDocuments();

        ResponseEntity<JsonNode> refused = client.send(POST, "/api/stories", null, STORY, headers);

        assertProblem(refused, 401, "unauthenticated");
        assertThat(refused.getBody().get("detail").asText()).contains("gateway");
        assertThat(refused.getBody().get("correlationId").asText()).isNotBlank();
        assertThat(events().countDocuments()).isEqualTo(before);
    }

    private static HttpHeaders callerToken(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(CallerTokens.HEADER, token);
        return headers;
    }

    private List<Object> payloadsOf(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload)
                         .map(Object.class::cast).toList();
    }

    private MongoCollection<Document> events() {
        return database.getCollection("events");
    }
}
