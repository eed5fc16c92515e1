package news.storyline.systemtest;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row 1 of the reliability set (docs/reliability.md): races through the gateway. Many editors (each their own
 * token subject) revise one story with the same {@code If-Match}: exactly one wins each round, the others get
 * {@code 409}, and the story's history holds exactly the winners. Racing retries of one filing with one
 * {@code Idempotency-Key} file one story, counted in the store and the feed, not only in the answers.
 */
class ReliabilityRacesIT {

    private static final int WRITERS = Reliability.pick(16, 30);
    private static final int ROUNDS = Reliability.pick(3, 20);
    private static final int RETRIES = Reliability.pick(12, 20);
    private static final int KEYED_ROUNDS = Reliability.pick(2, 10);

    private static StorylineStack stack;
    private static History history;
    private static String tag;

    @BeforeAll
    static void startStack() {
        stack = StorylineStack.shared();
        tag = Reliability.tag();
        history = History.named("races-" + tag);
    }

    @AfterAll
    static void closeHistory() {
        history.close();
    }

    @Test
    void racingWritersOnOneVersionHaveOneWinnerAndRacingRetriesOfOneKeyFileOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(WRITERS, RETRIES));
        try {
            List<String> winners = raceOnOneVersion(pool);
            List<String> keyed = raceRetriesOfOneKey(pool);

            HistoryCheck.Verdict verdict = HistoryCheck.check("races", stack, history, Duration.ofSeconds(60));
            assertThat(verdict.clean()).as(verdict.details() + "\nhistory: " + history.file()).isTrue();
            assertThat(verdict.acknowledged()).isEqualTo(1 + ROUNDS + KEYED_ROUNDS);

            String story = winners.get(0);
            List<String> revisions = new ArrayList<>();
            stack.database().getCollection("events").find(new Document("aggregateIdentifier", story))
                 .sort(new Document("sequenceNumber", 1))
                 .forEach(event -> revisions.add(Http.parse(event.getString("payload")).path("headline").asText()));
            assertThat(revisions).as("the story's events in the store: its filing, then exactly the winners")
                                 .isEqualTo(winners.subList(1, winners.size()));
            for (String headline : keyed) {
                // The marker and the next word: search takes the last word as a prefix, and round 1's marker is
                // the start of round 10's.
                String words = headline.split(" ")[1] + " с";
                Http.Response found = Http.get(stack.gatewayUrl() + "/api/search?q="
                                               + URLEncoder.encode(words, StandardCharsets.UTF_8), stack.as("reader"));
                assertThat(found.body().path("results").size()).as(found.toString()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Returns the story's id, then its headline as filed and each round's winning headline. */
    private List<String> raceOnOneVersion(ExecutorService pool) throws Exception {
        String filedHeadline = "Гонка " + tag + " подадена";
        History.Call filed = history.send("racer-filer", History.Op.FILE, "POST", stack.gatewayUrl() + "/api/stories",
                Map.of("headline", filedHeadline, "lead", "Много редактори, една версия.", "body", "Текст.",
                        "dateline", Map.of("place", "Женева"), "language", "bg"),
                stack.as("racer-" + tag + "-filer", "Подател", "editor"), filedHeadline, null);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String story = filed.target();
        List<String> result = new ArrayList<>(List.of(story, filedHeadline));
        long version = 1;
        for (int round = 1; round <= ROUNDS; round++) {
            long basedOn = version;
            int thisRound = round;
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<History.Call>> writers = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                String client = "racer-" + tag + "-" + writer;
                String headline = "Гонка " + tag + " кръг " + thisRound + " редактор " + writer;
                writers.add(() -> {
                    go.await();
                    return history.send(client, History.Op.REVISE, "PUT", stack.gatewayUrl() + "/api/stories/" + story,
                            Map.of("headline", headline, "kind", "UPDATE"),
                            Http.with(stack.as(client, "Редактор " + thisRound, "editor"), "If-Match", "\"" + basedOn + "\""),
                            headline, story);
                });
            }
            List<Future<History.Call>> answers = new ArrayList<>();
            writers.forEach(writer -> answers.add(pool.submit(writer)));
            go.countDown();
            List<History.Call> calls = new ArrayList<>();
            for (Future<History.Call> answer : answers) {
                calls.add(answer.get(60, TimeUnit.SECONDS));
            }
            List<History.Call> won = calls.stream().filter(History.Call::acknowledged).toList();
            List<History.Call> others = calls.stream().filter(call -> !call.acknowledged()).toList();
            assertThat(won).as("round %d: one winner among %s", round, calls).hasSize(1);
            assertThat(others).as("round %d: the others are refused as stale", round)
                              .allSatisfy(call -> {
                                  assertThat(call.status()).as(call.toString()).isEqualTo(409);
                                  assertThat(call.problemType()).as(call.toString()).endsWith("/version-conflict");
                              });
            assertThat(won.get(0).version()).isEqualTo(basedOn + 1);
            version = won.get(0).version();
            result.add(won.get(0).marker());
        }
        return result;
    }

    /** Each round, one client's retries of one filing race with one key; returns the headlines filed. */
    private List<String> raceRetriesOfOneKey(ExecutorService pool) throws Exception {
        List<String> headlines = new ArrayList<>();
        for (int round = 1; round <= KEYED_ROUNDS; round++) {
            String client = "retrier-" + tag + "-" + round;
            String headline = "Повторение r" + tag + "k" + round + " с един ключ";
            Map<String, String> headers = Http.with(stack.as(client, "Повтарящ", "editor"),
                    "Idempotency-Key", UUID.randomUUID().toString());
            Map<String, Object> body = Map.of("headline", headline, "lead", "Клиентът повтаря заявката.",
                    "body", "Текст.", "dateline", Map.of("place", "Виена"), "language", "bg");
            CountDownLatch go = new CountDownLatch(1);
            List<Future<History.Call>> answers = new ArrayList<>();
            for (int retry = 0; retry < RETRIES; retry++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return history.send(client, History.Op.FILE, "POST", stack.gatewayUrl() + "/api/stories", body,
                            headers, headline, null);
                }));
            }
            go.countDown();
            List<History.Call> calls = new ArrayList<>();
            for (Future<History.Call> answer : answers) {
                calls.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(calls).as("every racing retry gets the one answer").allSatisfy(call -> {
                assertThat(call.status()).as(call.toString()).isEqualTo(201);
                assertThat(call.target()).as(call.toString()).isEqualTo(calls.get(0).target());
            });
            assertThat(calls.stream().filter(call -> !call.replayed()).count()).as("answers not replayed: %s", calls)
                                                                                .isEqualTo(1);
            assertThat(stack.database().getCollection("events")
                            .countDocuments(new Document("payload", new Document("$regex", "r" + tag + "k" + round + " "))))
                    .as("stories filed by the round's %d retries, in the store", RETRIES).isEqualTo(1);
            headlines.add(headline);
        }
        return headlines;
    }
}
