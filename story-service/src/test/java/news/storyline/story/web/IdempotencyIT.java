package news.storyline.story.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.MongoDatabase;
import news.storyline.testsupport.Api;
import news.storyline.trust.Caller;
import news.storyline.trust.Roles;
import news.storyline.testsupport.ServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static news.storyline.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Retries with {@code Idempotency-Key} against the real service: the first answer is kept, nothing runs twice. */
@ServiceIT(properties = "storyline.idempotency.wait-for=3s")
@Import(IdempotencyIT.TestWrites.class)
class IdempotencyIT {

    private static final String STORY = """
            {"headline": "Ким Чен-ун обеща на Русия подкрепа", "lead": "Лийд.", "body": "Текст.",
             "dateline": {"place": "Пхенян"}, "language": "bg", "desk": "world"}
            """;
    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotency-Replayed";

    @Autowired
    Api api;

    @Autowired
    MongoDatabase database;

    @Autowired
    TestWrites testWrites;

    @Test
    void answersARetryWithTheFirstAnswerAndFilesOnce() {
        String key = newKey();
        long before = events().countDocuments();

        ResponseEntity<JsonNode> first = postStory(STORY, key);
        ResponseEntity<JsonNode> retry = postStory(STORY, key);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(first.getHeaders().containsKey(REPLAYED)).isFalse();
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getHeaders().getFirst(REPLAYED)).isEqualTo("true");
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(retry.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(retry.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(events().countDocuments()).isEqualTo(before + 1);
    }

    @Test
    void filesOnceWhenManyRetriesRace() throws Exception {
        postStory(STORY, null); // the first filing warms Axon up, so the race is about the key alone
        String key = newKey();
        long before = events().countDocuments();
        int retries = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(retries);
        try {
            List<Callable<ResponseEntity<JsonNode>>> attempts = new ArrayList<>();
            for (int i = 0; i < retries; i++) {
                attempts.add(() -> {
                    start.await();
                    return postStory(STORY, key);
                });
            }
            List<Future<ResponseEntity<JsonNode>>> running = attempts.stream().map(pool::submit).toList();
            start.countDown();
            List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> answer : running) {
                answers.add(answer.get(30, TimeUnit.SECONDS));
            }

            assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode().value()).isEqualTo(201));
            assertThat(answers).extracting(ResponseEntity::getBody).containsOnly(answers.get(0).getBody());
            assertThat(answers).filteredOn(answer -> !answer.getHeaders().containsKey(REPLAYED)).hasSize(1);
            assertThat(events().countDocuments()).isEqualTo(before + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The holder filed the story and crashed before it kept its answer: the claim stays without one. Once it has
     * timed out, the retry runs again and finds the story its key derives already filed.
     */
    @Test
    void answersARetryAfterACrashedHolderWithTheStoryItFiledAndFilesNoTwin() {
        String key = newKey();
        ResponseEntity<JsonNode> first = postStory(STORY, key);
        long before = events().countDocuments();
        database.getCollection("idempotency").updateOne(
                Filters.eq("_id.key", key),
                Updates.combine(Updates.unset("response"),
                                Updates.set("createdAt", Date.from(Instant.now().minus(Duration.ofMinutes(1))))));

        ResponseEntity<JsonNode> retry = postStory(STORY, key);

        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(events().countDocuments()).isEqualTo(before);
    }

    @Test
    void refusesTheSameKeyWithAnotherBody() {
        String key = newKey();
        postStory(STORY, key);
        long before = events().countDocuments();

        ResponseEntity<JsonNode> reused = postStory(STORY.replace("Пхенян", "Сеул"), key);

        assertProblem(reused, 422, "idempotency-key-reuse");
        assertThat(events().countDocuments()).isEqualTo(before);
    }

    @Test
    void keepsTheKeysOfDifferentEditorsApart() {
        String key = newKey();

        ResponseEntity<JsonNode> first = post(api.as(editor("editor-1")), "/api/stories", STORY, key);
        ResponseEntity<JsonNode> second = post(api.as(editor("editor-2")), "/api/stories", STORY, key);

        assertThat(second.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getHeaders().containsKey(REPLAYED)).isFalse();
        assertThat(second.getBody().get("id")).isNotEqualTo(first.getBody().get("id"));
    }

    @Test
    void replaysARefusalSinceTheSameRequestWouldBeRefusedAgain() {
        String key = newKey();
        String invalid = STORY.replace("\"Пхенян\"", "\"\"");

        ResponseEntity<JsonNode> first = postStory(invalid, key);
        ResponseEntity<JsonNode> retry = postStory(invalid, key);

        assertProblem(first, 400, "invalid-request");
        assertProblem(retry, 400, "invalid-request");
        assertThat(retry.getHeaders().getFirst(REPLAYED)).isEqualTo("true");
        assertThat(retry.getBody()).isEqualTo(first.getBody());
    }

    @Test
    void letsARetryRunAgainAfterAFirstAttemptThatFailedOnOurSide() {
        String key = newKey();

        ResponseEntity<JsonNode> failed = post("/api/test/fails-once", "{}", key);
        ResponseEntity<JsonNode> retry = post("/api/test/fails-once", "{}", key);
        ResponseEntity<JsonNode> again = post("/api/test/fails-once", "{}", key);

        assertProblem(failed, 500, "internal");
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getHeaders().containsKey(REPLAYED)).isFalse();
        assertThat(again.getHeaders().getFirst(REPLAYED)).isEqualTo("true");
        assertThat(testWrites.failingCalls.get()).isEqualTo(2);
    }

    @Test
    void asksARetryToComeBackWhileTheFirstAttemptRunsTooLong() throws Exception {
        String key = newKey();
        CompletableFuture<ResponseEntity<JsonNode>> first =
                CompletableFuture.supplyAsync(() -> post("/api/test/slow", "{}", key));
        assertThat(testWrites.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();

        ResponseEntity<JsonNode> retry = post("/api/test/slow", "{}", key);
        testWrites.slowMayFinish.countDown();

        assertProblem(retry, 409, "idempotency-in-progress");
        assertThat(retry.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(first.get(10, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(201);
        assertThat(post("/api/test/slow", "{}", key).getHeaders().getFirst(REPLAYED)).isEqualTo("true");
    }

    @Test
    void refusesAnEmptyOrOverlongKeyAndFilesNothing() {
        long before = events().countDocuments();

        ResponseEntity<JsonNode> empty = postStory(STORY, "");
        ResponseEntity<JsonNode> emptyString = postStory(STORY, "\"\"");
        ResponseEntity<JsonNode> overlong = postStory(STORY, "k".repeat(201));

        assertProblem(empty, 400, "invalid-request");
        assertThat(empty.getBody().get("field").asText()).isEqualTo(KEY);
        assertProblem(emptyString, 400, "invalid-request");
        assertProblem(overlong, 400, "invalid-request");
        assertThat(overlong.getBody().get("field").asText()).isEqualTo(KEY);
        assertThat(events().countDocuments()).isEqualTo(before);
        assertThat(postStory(STORY, "k".repeat(200)).getStatusCode().value()).isEqualTo(201);
    }

    /** Writes that fail or take their time on purpose, under the filter like the real ones. */
    @RestController
    static class TestWrites {

        final AtomicInteger failingCalls = new AtomicInteger();
        final CountDownLatch slowStarted = new CountDownLatch(1);
        final CountDownLatch slowMayFinish = new CountDownLatch(1);

        @PostMapping("/api/test/fails-once")
        ResponseEntity<Map<String, Integer>> failsOnce() {
            int call = failingCalls.incrementAndGet();
            if (call == 1) {
                throw new IllegalStateException("The first attempt fails on purpose");
            }
            return ResponseEntity.status(201).body(Map.of("call", call));
        }

        @PostMapping("/api/test/slow")
        ResponseEntity<Map<String, String>> slow() throws InterruptedException {
            slowStarted.countDown();
            slowMayFinish.await(30, TimeUnit.SECONDS);
            return ResponseEntity.status(201).body(Map.of("done", "slowly"));
        }
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private ResponseEntity<JsonNode> postStory(String body, String key) {
        return post("/api/stories", body, key);
    }

    private ResponseEntity<JsonNode> post(String path, String body, String key) {
        return post(api, path, body, key);
    }

    private static ResponseEntity<JsonNode> post(Api client, String path, String body, String key) {
        HttpHeaders headers = new HttpHeaders();
        if (key != null) {
            headers.set(KEY, key);
        }
        return client.send(HttpMethod.POST, path, null, body, headers);
    }

    private static Caller editor(String id) {
        return new Caller(id, null, Set.of(Roles.EDITOR));
    }

    private MongoCollection<Document> events() {
        return database.getCollection("events");
    }
}
