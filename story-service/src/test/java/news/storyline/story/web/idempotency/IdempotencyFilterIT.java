package news.storyline.story.web.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import news.storyline.testsupport.TestMongo;
import news.storyline.trust.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter in one service instance, on the real store, with a write that takes longer than a retry's poll: the
 * reliability suite's long run found such a write run twice when, of two retries that both found the key free, the
 * one that arrived first lost the claim to the other and then took that running claim for an abandoned one.
 */
class IdempotencyFilterIT {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration WRITE_TAKES = Duration.ofMillis(300);
    private static final int RETRIES = 12;
    private static final int ROUNDS = 4;

    private final IdempotencyStore store = new IdempotencyStore(
            TestMongo.client().getDatabase(TestMongo.freshDatabaseName("idempotency-filter")),
            Duration.ofHours(1), Duration.ofSeconds(20), Clock.systemUTC());
    private final IdempotencyFilter filter = new IdempotencyFilter(
            store, new IdempotencyProperties(Duration.ofHours(1), Duration.ofSeconds(20), Duration.ofSeconds(10), POLL, 255),
            new ObjectMapper());

    @Test
    void runsAWriteOnceHoweverItsRetriesRaceForTheKey() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RETRIES);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                String key = UUID.randomUUID().toString();
                AtomicInteger runs = new AtomicInteger();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
                for (int retry = 0; retry < RETRIES; retry++) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return send(key, runs);
                    }));
                }
                go.countDown();
                List<MockHttpServletResponse> responses = new ArrayList<>();
                for (Future<MockHttpServletResponse> answer : answers) {
                    responses.add(answer.get(30, TimeUnit.SECONDS));
                }

                assertThat(runs).as("runs of the write in round %d", round).hasValue(1);
                assertThat(responses).allSatisfy(response -> assertThat(response.getStatus()).isEqualTo(201));
                assertThat(responses).filteredOn(response -> response.getHeader("Idempotency-Replayed") == null)
                                     .hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The only 503 story-service gives is "the database is unavailable": letting the key go then would wait out the
     * driver's timeout once more before the client hears back. The claim stays; the next retry here takes it over.
     */
    @Test
    void leavesTheKeyClaimedAfterA503AndTheNextRetryHereRunsAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        AtomicInteger runs = new AtomicInteger();

        MockHttpServletResponse unavailable = send(key, runs, 503);

        assertThat(unavailable.getStatus()).isEqualTo(503);
        IdempotencyScope scope = new IdempotencyScope(key, "editor-1", "POST", "/api/stories");
        assertThat(store.find(scope)).hasValueSatisfying(record -> assertThat(record.isAnswered()).isFalse());
        assertThat(send(key, runs, 201).getStatus()).isEqualTo(201);
        assertThat(runs).hasValue(2);
    }

    private MockHttpServletResponse send(String key, AtomicInteger runs) throws Exception {
        return send(key, runs, 201);
    }

    private MockHttpServletResponse send(String key, AtomicInteger runs, int status) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/stories");
        request.addHeader(IdempotencyFilter.KEY_HEADER, key);
        request.setContent("{\"headline\":\"Пхенян\"}".getBytes(StandardCharsets.UTF_8));
        request.setAttribute(Caller.class.getName(), new Caller("editor-1", "Редактор", Set.of("editor")));
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain write = (req, res) -> {
            runs.incrementAndGet();
            try {
                Thread.sleep(WRITE_TAKES.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ((HttpServletResponse) res).setStatus(status);
            res.getOutputStream().write("{\"id\":\"s-1\"}".getBytes(StandardCharsets.UTF_8));
        };
        filter.doFilter(request, response, write);
        return response;
    }
}
