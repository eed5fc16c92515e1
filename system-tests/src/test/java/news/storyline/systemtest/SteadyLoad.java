package news.storyline.systemtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A steady write load through the gateway, as editors would make it, each write recorded in a {@link History}.
 * Each client is an editor of its own (its own token subject, so the per-subject write limit is its own) and, story
 * after story: files it, links it to the client's thread, attributes every other one to КЦТА, and revises it twice.
 *
 * <p>Every {@code POST} carries an {@code Idempotency-Key}; when its answer is indeterminate ({@code 5xx}, none) or
 * a {@code 429}, the client retries it with the same key and body, as the README tells clients to, up to
 * {@link #ATTEMPTS} times. A {@code PUT} takes no key, so after an indeterminate one the client does not know the
 * story's version and leaves the story for the next. A thread holds at most {@link #STORIES_PER_THREAD} stories, so
 * that one page of briefs ({@code limit=100}) shows all of them.
 */
final class SteadyLoad implements AutoCloseable {

    static final int ATTEMPTS = 8;
    static final int STORIES_PER_THREAD = 90;
    static final int REVISIONS = 2;
    /** The source every other story is attributed to, and two other names of it that the read side must know. */
    static final String SOURCE = "КЦТА";
    static final String SOURCE_ALIAS = "KCNA";
    private static final Duration PAUSE = Duration.ofMillis(20);

    private final StorylineStack stack;
    private final History history;
    private final String tag;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    private SteadyLoad(StorylineStack stack, History history, String tag) {
        this.stack = stack;
        this.history = history;
        this.tag = tag;
    }

    /** Starts {@code clients} editors writing at once. {@code tag} (letters and digits) marks this load's texts. */
    static SteadyLoad start(StorylineStack stack, History history, String tag, int clients) {
        SteadyLoad load = new SteadyLoad(stack, history, tag);
        for (int client = 0; client < clients; client++) {
            int me = client;
            Thread thread = new Thread(() -> load.runClient(me), "load-" + tag + "-" + me);
            thread.setDaemon(true);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    /** Asks every client to stop after the write it is making, and waits for them (each write is bounded). */
    void stop() throws InterruptedException {
        stopping.set(true);
        for (Thread thread : threads) {
            thread.join(Duration.ofMinutes(3).toMillis());
            if (thread.isAlive()) {
                throw new IllegalStateException(thread.getName() + " did not stop within 3 minutes");
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void runClient(int me) {
        String client = "editor-" + tag + "-" + me;
        Map<String, String> editor = stack.as(client, "Редактор " + me, "editor");
        String thread = null;
        int inThread = STORIES_PER_THREAD;
        for (int story = 0; !stopping.get(); story++) {
            if (inThread >= STORIES_PER_THREAD) {
                String slug = ("rel-" + tag + "-c" + me + "-t" + story).toLowerCase();
                History.Call opened = keyed(client, History.Op.OPEN_THREAD, "/api/threads",
                        Map.of("slug", slug, "title", "Тема " + slug), editor, null, slug, slug);
                if (!opened.acknowledged()) {
                    continue;
                }
                thread = slug;
                inThread = 0;
            }
            inThread++;
            writeOneStory(client, editor, me, story, thread);
            pause();
        }
    }

    /** One story's writes, until the first that does not succeed (the story's version is then unknown). */
    private void writeOneStory(String client, Map<String, String> editor, int me, int n, String thread) {
        String token = token(tag, me, n);
        String headline = headline(token, 1);
        History.Call filed = keyed(client, History.Op.FILE, "/api/stories", Map.of(
                "headline", headline,
                "lead", "Редакцията следи развитието на " + token + " и ще съобщи повече.",
                "body", "Текст на " + token + ".",
                "dateline", Map.of("place", "София"), "language", "bg"), editor, null, headline, null);
        if (!filed.acknowledged() || stopping.get()) {
            return;
        }
        String id = filed.target();
        History.Call linked = keyed(client, History.Op.LINK, "/api/stories/" + id + "/links",
                Map.of("thread", thread), editor, "\"1\"", thread, id);
        if (!linked.acknowledged() || stopping.get()) {
            return;
        }
        long version = linked.version();
        if (n % 2 == 0) {
            History.Call attributed = keyed(client, History.Op.ATTRIBUTE, "/api/stories/" + id + "/attributions",
                    Map.of("chain", List.of(Map.of("source", SOURCE, "role", "ORIGINATOR"))), editor,
                    "\"" + version + "\"", SOURCE, id);
            if (!attributed.acknowledged() || stopping.get()) {
                return;
            }
            version = attributed.version();
        }
        for (int revision = 2; revision <= REVISIONS + 1 && !stopping.get(); revision++) {
            String revised = headline(token, revision);
            History.Call put = history.send(client, History.Op.REVISE, "PUT", stack.gatewayUrl() + "/api/stories/" + id,
                    Map.of("headline", revised, "kind", "UPDATE"),
                    Http.with(editor, "If-Match", "\"" + version + "\""), revised, id);
            if (!put.acknowledged()) {
                return;
            }
            version = put.version();
        }
    }

    /** A keyed POST, retried with the same key and body while its answer is indeterminate or a 429. */
    private History.Call keyed(String client, History.Op op, String path, Object body, Map<String, String> editor,
                               String ifMatch, String marker, String target) {
        Map<String, String> headers = Http.with(editor, "Idempotency-Key", UUID.randomUUID().toString());
        if (ifMatch != null) {
            headers = Http.with(headers, "If-Match", ifMatch);
        }
        History.Call call = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            call = history.send(client, op, "POST", stack.gatewayUrl() + path, body, headers, marker, target);
            if (!(call.indeterminate() || call.status() == 429)) {
                return call;
            }
            Reliability.sleep(Duration.ofMillis(250L * attempt));
        }
        return call;
    }

    /** A word unique to one story of one load, which search must find (letters and digits only). */
    static String token(String tag, int client, int story) {
        return ("r" + tag + "x" + client + "x" + story).toLowerCase();
    }

    static String headline(String token, int revision) {
        return "Новина " + token + " ред " + revision;
    }

    private static void pause() {
        Reliability.sleep(PAUSE);
    }
}
