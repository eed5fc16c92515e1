package news.storyline.systemtest;

import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Row 5 of the reliability set (docs/reliability.md) through the real services: hostile bodies on every write and
 * hostile parameters and ids on the reads, each answered with a {@code 4xx} problem, none with a {@code 5xx}, and
 * nothing written (the store's events and the feed's head stay as they were). The gateway's own corpus
 * ({@code HostileRequestsTest}) covers what it refuses before any service sees it.
 */
class HostileInputThroughTheStackIT {

    private static final String VALID_STORY = """
            {"headline": "Пхенян обеща подкрепа", "lead": "Лийд.", "body": "Текст.",
             "dateline": {"place": "Пхенян"}, "language": "bg"}""";

    private static StorylineStack stack;
    private static String story;
    private static String thread;

    @BeforeAll
    static void fileAStoryAndAThread() {
        stack = StorylineStack.shared();
        Map<String, String> editor = stack.as("editor");
        thread = "hostile-" + Reliability.tag();
        assertThat(Http.send("POST", stack.gatewayUrl() + "/api/threads",
                             Map.of("slug", thread, "title", "Враждебни заявки"), editor).status()).isEqualTo(201);
        Http.Response filed = Http.send("POST", stack.gatewayUrl() + "/api/stories", VALID_STORY, editor);
        assertThat(filed.status()).isEqualTo(201);
        story = filed.json().path("id").asText();
    }

    @Test
    void everyHostileRequestIsRefusedWithAProblemAndWritesNothing() {
        // Other tests write to the shared stack meanwhile: count what concerns this test's story and thread.
        long eventsBefore = ownEvents();
        // The feed takes the thread's opening in a moment: count from once it has, so that its arrival is no change.
        long threadEvents = stack.database().getCollection("events")
                                 .countDocuments(Filters.eq("aggregateIdentifier", thread));
        long feedBefore = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                                 .until(HostileInputThroughTheStackIT::ownFeedEntries, entries -> entries == threadEvents);
        List<Attempt> answers = new ArrayList<>();
        int caller = 0;
        for (String[] write : writes()) {
            for (String body : hostileBodies()) {
                // One caller each, so that the gateway's rate limit (10 writes/s per caller) does not answer first.
                Map<String, String> editor = stack.as("hostile-editor-" + caller++, "Редактор", "editor");
                answers.add(new Attempt(write[0] + " " + write[1] + " " + abbreviate(body),
                                        Http.send(write[0], stack.gatewayUrl() + write[1], body,
                                                  Http.with(editor, "If-Match", "\"1\""))));
            }
        }
        for (String read : hostileReads()) {
            answers.add(new Attempt("GET " + abbreviate(read), Http.get(stack.gatewayUrl() + read,
                    stack.as("hostile-reader-" + caller++, "Читател", "reader", "subscriber"))));
        }

        Map<Integer, Integer> statuses = new TreeMap<>();
        answers.forEach(attempt -> statuses.merge(attempt.answer().status(), 1, Integer::sum));
        System.out.println("hostile input through the stack: " + answers.size() + " requests, statuses " + statuses);
        assertThat(answers).hasSizeGreaterThanOrEqualTo(400);
        assertThat(answers).as("answers that are not a 4xx problem")
                .filteredOn(attempt -> attempt.answer().status() < 400 || attempt.answer().status() >= 500
                        || !attempt.answer().contentType().startsWith("application/problem+json"))
                .isEmpty();
        assertThat(ownEvents()).as("events of the story and thread in the store").isEqualTo(eventsBefore);
        assertThat(ownFeedEntries()).as("the thread's entries in the feed").isEqualTo(feedBefore);
    }

    /** Every write route that takes a body, aimed at the real story and thread: method and path. */
    private static List<String[]> writes() {
        return List.of(
                new String[]{"POST", "/api/stories"},
                new String[]{"PUT", "/api/stories/" + story},
                new String[]{"POST", "/api/stories/" + story + "/attributions"},
                new String[]{"POST", "/api/stories/" + story + "/links"},
                new String[]{"POST", "/api/stories/" + story + "/withdrawal"},
                new String[]{"POST", "/api/threads"},
                new String[]{"PUT", "/api/threads/" + thread});
    }

    private static List<String> hostileBodies() {
        String deep = "[".repeat(2_000) + "]".repeat(2_000);
        return List.of(
                "", "{", "[", "}", "null", "42", "\"text\"", "[]", "{\"headline\": }", "{\"headline\": \"a\",}",
                "{\"headline\": \"a\"} trailing", deep, "{\"a\": " + deep + "}",
                "{\"headline\": 5}", "{\"headline\": [\"a\"]}", "{\"headline\": {\"$gt\": \"\"}}",
                "{\"$where\": \"sleep(1000)\"}", "{\"headline\": \"a\", \"$set\": {\"status\": \"x\"}}",
                "{\"headline\": \"" + "я".repeat(20_000) + "\"}",
                "{\"headline\": \"nul\\u0000byte\"}", "{\"headline\": \"lone \\ud800 surrogate\"}",
                "{\"headline\": \"bell\\u0007\"}",
                VALID_STORY.replace("\"Пхенян\"}", "\"Пхенян\", \"at\": \"+300000000-01-01T00:00:00Z\"}"),
                VALID_STORY.replace("\"Пхенян\"}", "\"Пхенян\", \"at\": \"yesterday\"}"),
                VALID_STORY.replace("\"bg\"", "\"not a language\""),
                VALID_STORY.replace("\"Пхенян\"}", "{\"$ne\": null}}"),
                VALID_STORY.replace("{\"headline\"", "{\"editor\": \"someone-else\", \"headline\""),
                "{\"source\": {\"$regex\": \".*\"}, \"via\": []}", "{\"target\": \"../../admin\", \"kind\": \"X\"}",
                "{\"target\": \"" + story + "\", \"kind\": \"RELATES_TO\", \"extra\": true}",
                "{\"slug\": \"Мирни преговори\", \"title\": \"\"}", "{\"slug\": \"a/../b\", \"title\": \"t\"}",
                "{\"title\": " + "1".repeat(400) + "}", "{\"reason\": null}", "{\"reason\": {\"$exists\": true}}",
                "{\"headline\": \"a\", \"headline\": \"b\"}", "\u00ef\u00bb\u00bf{}", "{\"kind\": \"CORRECTION\"}",
                "{\"headline\": \"a\", \"lead\": 1e309}", "{\"dateline\": \"Пхенян\"}",
                "{\"headline\": \"\"}", "{\"headline\": \"   \"}", "{\"lead\": null}",
                "{\"dateline\": {\"place\": \"\"}}", "{\"language\": \"xx-XXXX-yyyyyyyyyy\"}",
                "{\"source\": \"АФП\", \"via\": [" + "\"КЦТА\",".repeat(1_000) + "\"КЦТА\"]}");
    }

    private static List<String> hostileReads() {
        String timeline = "/api/threads/" + thread + "/timeline";
        List<String> reads = new ArrayList<>(List.of(
                timeline + "?cursor=" + encode("{\"$gt\": 0}"), timeline + "?asOf=yesterday",
                timeline + "?asOf=" + encode("+300000000-01-01T00:00:00Z"),
                "/api/stories/" + story + "/diff?from=x&to=y", "/api/stories/" + story + "/diff?from=1&to=99999",
                "/api/search?q=", "/api/search?q=" + "я".repeat(3_000),
                "/api/stories/" + encode("{\"$gt\": \"\"}"), "/api/threads/" + encode("$where"),
                "/api/threads/" + "a".repeat(3_000)));
        // Each parameter a read takes, with values it must refuse.
        Map<String, List<String>> parameters = Map.of(
                timeline, List.of("limit", "cursor", "asOf", "minVersion"),
                "/api/briefs", List.of("limit", "thread"),
                "/api/events", List.of("after", "limit", "type", "thread"),
                "/api/stories/" + story, List.of("minVersion"),
                "/api/stories/" + story + "/history", List.of("minVersion"),
                "/api/threads/" + thread, List.of("minVersion"),
                "/api/sources/KCNA/stories", List.of("thread"));
        Map<String, List<String>> badValues = Map.of(
                "limit", List.of("-5", "0", "x", "1.5", "99999999999999999999", "%24gt"),
                "cursor", List.of("%00", "garbage", "%7B%7D", "-1", "%24where", "x".repeat(600)),
                "asOf", List.of("2026-13-45T00:00:00Z", "1899-12-31T23:59:59Z", "%24where",
                                "-999999999-01-01T00:00:00Z", "10000-01-01T00:00:00Z"),
                "minVersion", List.of("1e9", "-7", "abc", "1.5", "99999999999999999999"),
                "thread", List.of("%24where", "a%2Fb", "Мирни%20преговори", "%7B%22%24ne%22%3A1%7D", "x".repeat(300)),
                "after", List.of("abc", "1.5", "-1", "%24gt"),
                "type", List.of("%00", "story.filed", "%24where", "news.storyline.story.filed.v9"));
        parameters.forEach((path, names) -> names.forEach(name -> badValues.get(name).forEach(
                value -> reads.add(path + "?" + name + "=" + value))));
        return reads;
    }

    private static long ownEvents() {
        return stack.database().getCollection("events")
                    .countDocuments(Filters.in("aggregateIdentifier", story, thread));
    }

    private static long ownFeedEntries() {
        Http.Response page = Http.get(stack.gatewayUrl() + "/api/events?limit=100&thread=" + thread,
                                      stack.as("subscriber"));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().path("events").size();
    }

    /** One hostile request, described, and its answer. */
    private record Attempt(String request, Http.Response answer) {
        @Override
        public String toString() {
            return request + " -> " + answer.status() + " " + abbreviate(answer.text());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
