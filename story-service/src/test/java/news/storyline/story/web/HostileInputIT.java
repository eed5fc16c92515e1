package news.storyline.story.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import static news.storyline.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile or careless client may send: each is refused with a 4xx problem, never a 500, and nothing is
 * written to the event store.
 */
@ServiceIT
class HostileInputIT {

    private static final String STORY = """
            {"headline": "Заглавие", "lead": "Лийд.", "body": "Текст.",
             "dateline": {"place": "Москва"}, "language": "bg", "desk": "world"}
            """;

    @Autowired
    Api api;

    @Autowired
    MongoDatabase database;

    @Value("${storyline.requests.max-body-size}")
    DataSize maxBodySize;

    @Test
    void refusesABodyOverTheLimitByItsContentLength() {
        String oversize = STORY.replace("\"Текст.\"", "\"" + "x".repeat((int) maxBodySize.toBytes()) + "\"");

        refusedWithoutWriting(() -> post(oversize), 413, "payload-too-large");
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWhileReadingIt() {
        byte[] oversize = STORY.replace("\"Текст.\"", "\"" + "x".repeat((int) maxBodySize.toBytes()) + "\"")
                               .getBytes(StandardCharsets.UTF_8);

        refusedWithoutWriting(() -> api.http().post().uri("/api/stories").contentType(MediaType.APPLICATION_JSON)
                                              .body(output -> output.write(oversize)) // no length: sent chunked
                                              .retrieve().toEntity(JsonNode.class),
                              413, "payload-too-large");
    }

    /** A client that escapes every non-ASCII character (Python's json.dumps does) sends six bytes a letter. */
    @Test
    void acceptsTheLongestStoryEvenWhenEveryLetterIsEscaped() {
        String escapedBody = "\\u0436".repeat(StoryLimits.BODY);

        ResponseEntity<JsonNode> response = post(STORY.replace("\"Текст.\"", "\"" + escapedBody + "\""));

        assertThat(response.getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void acceptsAChunkedBodyWithinTheLimit() {
        byte[] story = STORY.getBytes(StandardCharsets.UTF_8);

        ResponseEntity<JsonNode> response = api.http().post().uri("/api/stories")
                                                      .contentType(MediaType.APPLICATION_JSON)
                                                      .body(output -> output.write(story))
                                                      .retrieve().toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0007", "\\u001b", "\\n", "\\t", "\\r", "\\u007f", "\\u0085", "\\u009f",
                            "\\ud800", "\\udc00", "\\udc00\\ud800"})
    void refusesControlCharactersAndLoneSurrogatesInAHeadline(String escaped) {
        ResponseEntity<JsonNode> response = refusedWithoutWriting(
                () -> post(STORY.replace("\"Заглавие\"", "\"Загла" + escaped + "вие\"")), 400, "invalid-request");

        assertThat(response.getBody().get("field").asText()).isEqualTo("headline");
    }

    @Test
    void namesTheNestedFieldThatHoldsAControlCharacter() {
        ResponseEntity<JsonNode> response = refusedWithoutWriting(
                () -> post(STORY.replace("\"Москва\"", "\"Мос\\u0000ква\"")), 400, "invalid-request");

        assertThat(response.getBody().get("field").asText()).isEqualTo("dateline.place");
    }

    @Test
    void refusesControlCharactersInTheBodyOtherThanLineBreaksAndTabs() {
        ResponseEntity<JsonNode> response = refusedWithoutWriting(
                () -> post(STORY.replace("\"Текст.\"", "\"Първи.\\n\\u000bВтори.\"")), 400, "invalid-request");

        assertThat(response.getBody().get("field").asText()).isEqualTo("body");
    }

    @Test
    void acceptsLineBreaksAndTabsInTheBodyAndLeadAndAnyCharacterBeyondTheBasicPlane() {
        String story = STORY.replace("\"Текст.\"", "\"Първи абзац.\\n\\n\\tВтори абзац.\"")
                            .replace("\"Лийд.\"", "\"Първи ред.\\nВтори ред.\"")
                            .replace("\"Заглавие\"", "\"Заглавие \\ud83d\\udcf0\"");

        assertThat(post(story).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void refusesOperatorsWhereTextBelongs() {
        refusedWithoutWriting(() -> post(STORY.replace("\"Заглавие\"", "{\"$gt\": \"\"}")), 400, "malformed-body");
        refusedWithoutWriting(() -> post(STORY.replace("\"Москва\"", "{\"$ne\": null}")), 400, "malformed-body");
    }

    @ParameterizedTest
    @ValueSource(strings = {" trailing", " {}", " []", "}", " \"text\""})
    void refusesAnythingAfterTheDocument(String trailing) {
        refusedWithoutWriting(() -> post(STORY.strip() + trailing), 400, "malformed-body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "5.5", "true", "[\"Заглавие\"]"})
    void refusesValuesOfAnotherTypeWhereTextBelongs(String notText) {
        ResponseEntity<JsonNode> response = refusedWithoutWriting(
                () -> post(STORY.replace("\"Заглавие\"", notText)), 400, "malformed-body");

        assertThat(response.getBody().get("field").asText()).isEqualTo("headline");
    }

    @Test
    void refusesANumberForTheLanguageRatherThanReadItAsText() {
        ResponseEntity<JsonNode> response = refusedWithoutWriting(
                () -> post(STORY.replace("\"bg\"", "5")), 400, "malformed-body");

        assertThat(response.getBody().get("field").asText()).isEqualTo("language");
    }

    /** An instant no projection can hold ({@code Date.from} overflows) must never become an event. */
    @ParameterizedTest
    @ValueSource(strings = {"+300000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                            "1899-12-31T23:59:59Z"})
    void refusesADatelineInstantOutsideTheYearsAStoryCanBeDated(String instant) {
        ResponseEntity<JsonNode> response = refusedWithoutWriting(
                () -> post(STORY.replace("{\"place\": \"Москва\"}", "{\"place\": \"Москва\", \"at\": \"" + instant + "\"}")),
                400, "invalid-request");
        assertThat(response.getBody().get("field").asText()).isEqualTo("dateline.at");
    }

    @Test
    void refusesAFieldGivenTwice() {
        refusedWithoutWriting(() -> post(STORY.replace("\"desk\": \"world\"", "\"desk\": \"world\", \"desk\": \"sport\"")),
                              400, "malformed-body");
    }

    @Test
    void refusesAnEmptyBody() {
        refusedWithoutWriting(() -> post(""), 400, "malformed-body");
    }

    @Test
    void refusesABodyThatIsNotJson() {
        refusedWithoutWriting(() -> api.http().post().uri("/api/stories").contentType(MediaType.TEXT_PLAIN)
                                              .body(STORY).retrieve().toEntity(JsonNode.class),
                              415, "unsupported-media-type");
    }

    @Test
    void answersAnUnknownRouteWithAProblem() {
        refusedWithoutWriting(() -> exchange(HttpMethod.GET, "/api/no-such-thing"), 404, "not-found");
        refusedWithoutWriting(() -> exchange(HttpMethod.POST, "/api/no-such-thing"), 404, "not-found");
    }

    @Test
    void answersAWrongMethodWithAProblemThatSaysWhichAreAllowed() {
        ResponseEntity<JsonNode> response = refusedWithoutWriting(() -> exchange(HttpMethod.GET, "/api/stories"),
                                                                  405, "method-not-allowed");

        assertThat(response.getHeaders().getAllow()).contains(HttpMethod.POST);
    }

    private ResponseEntity<JsonNode> refusedWithoutWriting(Supplier<ResponseEntity<JsonNode>> request,
                                                           int status, String type) {
        long before = eventCount();

        ResponseEntity<JsonNode> response = request.get();

        assertProblem(response, status, type);
        assertThat(eventCount()).isEqualTo(before);
        return response;
    }

    private ResponseEntity<JsonNode> post(String body) {
        return api.post("/api/stories", body);
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path) {
        return api.http().method(method).uri(path).accept(MediaType.APPLICATION_JSON)
                  .retrieve().toEntity(JsonNode.class);
    }

    private long eventCount() {
        return database.getCollection("events").countDocuments();
    }
}
