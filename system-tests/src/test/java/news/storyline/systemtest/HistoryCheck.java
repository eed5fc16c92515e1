package news.storyline.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Checks a {@link History} against what the stack holds, as Jepsen checks a history: the event store
 * ({@code events}) is the truth, and every acknowledged write must be in it exactly once, at the version its answer
 * named; every read model read through the gateway (stories, histories, the threads' timelines and briefs, a
 * source's stories, search) and the feed ({@code /api/events}) must then show exactly what the store holds.
 *
 * <ul>
 *   <li><b>lost</b>: an acknowledged write whose event the store does not hold;</li>
 *   <li><b>duplicated</b>: one logical write (one filing, one revision, one link, one attribution: the same marker,
 *   however many keyed retries carried it) stored more than once, two answers for one key that disagree, or one
 *   event at two positions of the feed;</li>
 *   <li><b>out of order</b>: an event at another version than its answer named, a client's acknowledged versions of
 *   one aggregate not increasing, feed positions that are not 1, 2, 3, … or an aggregate's events out of order in
 *   the feed;</li>
 *   <li><b>half-applied</b>: the read side and the store disagree once the read side had time to catch up (a
 *   store event missing from the feed or a read model, or the feed or a read model showing what the store does
 *   not hold), and writes that were refused ({@code 4xx}) yet stored.</li>
 * </ul>
 * Writes with an indeterminate answer ({@code 5xx}, none) may or may not be stored; they are counted, not judged.
 */
final class HistoryCheck {

    private static final String FILED = "StoryFiledEvent";
    private static final String UPDATED = "StoryUpdatedEvent";
    private static final String LINKED = "StoryLinkedEvent";
    private static final String ATTRIBUTED = "StoryAttributedEvent";
    private static final String OPENED = "ThreadOpenedEvent";
    private static final int READS_PER_READER = 40;
    private static final int SEARCH_SAMPLE = 20;

    /** One event as the store holds it. */
    record StoredEvent(String id, String aggregate, long sequence, String type, long globalIndex, JsonNode payload,
                       String payloadText) {
        long version() {
            return sequence + 1;
        }
    }

    /** What the check found: the counts of the summary line and every offending entry behind them. */
    record Verdict(String row, int events, int acknowledged, List<String> lost, List<String> duplicated,
                   List<String> outOfOrder, List<String> halfApplied, int indeterminate, int indeterminateApplied) {

        boolean clean() {
            return lost.isEmpty() && duplicated.isEmpty() && outOfOrder.isEmpty() && halfApplied.isEmpty();
        }

        String line() {
            return row + ": events: " + events + ", acknowledged: " + acknowledged + ", lost: " + lost.size()
                    + ", duplicated: " + duplicated.size() + ", out of order: " + outOfOrder.size()
                    + ", half-applied: " + halfApplied.size() + " (indeterminate: " + indeterminate
                    + ", of which stored: " + indeterminateApplied + ")";
        }

        String details() {
            StringBuilder text = new StringBuilder(line());
            section(text, "lost", lost);
            section(text, "duplicated", duplicated);
            section(text, "out of order", outOfOrder);
            section(text, "half-applied", halfApplied);
            return text.toString();
        }

        private static void section(StringBuilder text, String name, List<String> entries) {
            if (entries.isEmpty()) {
                return;
            }
            text.append(System.lineSeparator()).append("  ").append(name).append(" (").append(entries.size()).append("):");
            entries.stream().limit(40).forEach(entry -> text.append(System.lineSeparator()).append("    ").append(entry));
            if (entries.size() > 40) {
                text.append(System.lineSeparator()).append("    … and ").append(entries.size() - 40).append(" more");
            }
        }
    }

    private final StorylineStack stack;
    private final History history;
    private final AtomicInteger reads = new AtomicInteger();
    private final String readerTag = Long.toString(System.nanoTime(), 36);

    private HistoryCheck(StorylineStack stack, History history) {
        this.stack = stack;
        this.history = history;
    }

    /**
     * Checks the history; the read side gets up to {@code convergence} to show what the store holds. Prints the
     * summary line, logs it into the history, and returns the verdict (which the test asserts).
     */
    static Verdict check(String row, StorylineStack stack, History history, Duration convergence) {
        Verdict verdict = new HistoryCheck(stack, history).run(row, convergence);
        System.out.println(verdict.line());
        history.note(verdict.details());
        return verdict;
    }

    private Verdict run(String row, Duration convergence) {
        List<History.Call> calls = history.calls();
        List<StoredEvent> events = storedEvents();
        Map<String, TreeMap<Long, StoredEvent>> byAggregate = new HashMap<>();
        events.forEach(event -> byAggregate.computeIfAbsent(event.aggregate(), key -> new TreeMap<>())
                                            .put(event.sequence(), event));

        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        List<String> outOfOrder = new ArrayList<>();
        List<String> halfApplied = new ArrayList<>();
        int acknowledged = 0;
        int indeterminate = 0;
        int indeterminateApplied = 0;

        // One logical write: the calls that carried it (a first try and its keyed retries), and its stored events.
        Map<List<String>, List<History.Call>> writes = new LinkedHashMap<>();
        for (History.Call call : calls) {
            writes.computeIfAbsent(writeKey(call), key -> new ArrayList<>()).add(call);
        }
        for (Map.Entry<List<String>, List<History.Call>> write : writes.entrySet()) {
            List<History.Call> tries = write.getValue();
            History.Call first = tries.get(0);
            List<StoredEvent> stored = storedFor(first, events, byAggregate);
            List<History.Call> acks = tries.stream().filter(History.Call::acknowledged).toList();
            if (!acks.isEmpty()) {
                acknowledged++;
                History.Call ack = acks.get(0);
                if (stored.isEmpty()) {
                    lost.add(ack + ": no such event in the store");
                } else if (stored.stream().noneMatch(event -> event.aggregate().equals(ack.target())
                        && event.version() == ack.version())) {
                    outOfOrder.add(ack + ": stored at " + describe(stored));
                }
                Set<String> answers = acks.stream().map(call -> call.target() + " v" + call.version())
                                          .collect(Collectors.toCollection(TreeSet::new));
                if (answers.size() > 1) {
                    duplicated.add(first + ": one write answered as " + answers);
                }
            } else if (tries.stream().anyMatch(History.Call::indeterminate)) {
                indeterminate++;
                if (!stored.isEmpty()) {
                    indeterminateApplied++;
                }
            } else if (!stored.isEmpty() && tries.stream().allMatch(History.Call::refused)) {
                halfApplied.add(tries.get(tries.size() - 1) + ": refused, yet stored as " + describe(stored));
            }
            if (stored.size() > 1) {
                duplicated.add(first + ": stored " + stored.size() + " times: " + describe(stored));
            }
        }

        // Each client writes one aggregate at a time: the versions it was told must only grow.
        Map<List<String>, Long> lastVersion = new HashMap<>();
        for (History.Call call : calls) {
            if (call.acknowledged() && call.version() > 0 && !call.replayed()) {
                List<String> key = List.of(call.client(), Objects.toString(call.target()));
                Long before = lastVersion.put(key, call.version());
                if (before != null && before >= call.version()) {
                    outOfOrder.add(call + ": this client was told v" + before + " before");
                }
            }
        }

        Set<String> stories = storiesInScope(calls, events);
        Set<String> threads = threadsInScope(calls, byAggregate);
        // The read side is given its time to converge first, then its time to be checked: one whole check reads
        // every page of the feed and every story in scope, which after a long load takes longer than the wait.
        awaitFeedHolding(events.size(), Instant.now().plus(convergence));
        Instant deadline = Instant.now().plus(convergence);
        List<String> readSide;
        List<String> feedOrder = new ArrayList<>();
        List<String> feedDuplicates = new ArrayList<>();
        do {
            feedOrder.clear();
            feedDuplicates.clear();
            readSide = new ArrayList<>();
            checkFeed(events, readSide, feedDuplicates, feedOrder);
            checkReadModels(stories, threads, byAggregate, readSide);
            if (readSide.isEmpty() && feedDuplicates.isEmpty() && feedOrder.isEmpty()) {
                break;
            }
            Reliability.sleep(Duration.ofSeconds(1));
        } while (Instant.now().isBefore(deadline));
        halfApplied.addAll(readSide);
        duplicated.addAll(feedDuplicates);
        outOfOrder.addAll(feedOrder);
        return new Verdict(row, events.size(), acknowledged, lost, duplicated, outOfOrder, halfApplied,
                indeterminate, indeterminateApplied);
    }

    /** What makes calls one logical write: keyed retries share their key's marker and target. */
    private static List<String> writeKey(History.Call call) {
        return switch (call.op()) {
            case FILE, OPEN_THREAD -> List.of(call.op().name(), call.marker());
            default -> List.of(call.op().name(), Objects.toString(call.target()), call.marker());
        };
    }

    /** The stored events that a write's marker names. */
    private static List<StoredEvent> storedFor(History.Call call, List<StoredEvent> events,
                                               Map<String, TreeMap<Long, StoredEvent>> byAggregate) {
        String marker = call.marker();
        return switch (call.op()) {
            case FILE -> events.stream().filter(event -> event.type().equals(FILED)
                    && marker.equals(event.payload().path("headline").asText())).toList();
            case OPEN_THREAD -> byAggregate.getOrDefault(marker, new TreeMap<>()).values().stream()
                    .filter(event -> event.type().equals(OPENED)).toList();
            case REVISE -> ofType(byAggregate, call.target(), UPDATED).stream()
                    .filter(event -> marker.equals(event.payload().path("headline").asText())).toList();
            case LINK -> ofType(byAggregate, call.target(), LINKED).stream()
                    .filter(event -> event.payloadText().contains("\"" + marker + "\"")).toList();
            case ATTRIBUTE -> ofType(byAggregate, call.target(), ATTRIBUTED).stream()
                    .filter(event -> event.payloadText().contains("\"" + marker + "\"")).toList();
        };
    }

    private static List<StoredEvent> ofType(Map<String, TreeMap<Long, StoredEvent>> byAggregate, String aggregate,
                                            String type) {
        if (aggregate == null) {
            return List.of();
        }
        return byAggregate.getOrDefault(aggregate, new TreeMap<>()).values().stream()
                          .filter(event -> event.type().equals(type)).toList();
    }

    /** Every story the history wrote to, and every story the store holds a filing of with one of its headlines. */
    private static Set<String> storiesInScope(List<History.Call> calls, List<StoredEvent> events) {
        Set<String> markers = calls.stream().filter(call -> call.op() == History.Op.FILE).map(History.Call::marker)
                                   .collect(Collectors.toSet());
        Set<String> stories = new TreeSet<>();
        calls.stream().filter(call -> call.op() != History.Op.OPEN_THREAD && call.target() != null)
             .forEach(call -> stories.add(call.target()));
        events.stream().filter(event -> event.type().equals(FILED)
                      && markers.contains(event.payload().path("headline").asText()))
              .forEach(event -> stories.add(event.aggregate()));
        stories.retainAll(events.stream().map(StoredEvent::aggregate).collect(Collectors.toSet()));
        return stories;
    }

    private static Set<String> threadsInScope(List<History.Call> calls, Map<String, TreeMap<Long, StoredEvent>> byAggregate) {
        return calls.stream().filter(call -> call.op() == History.Op.OPEN_THREAD).map(History.Call::marker)
                    .filter(byAggregate::containsKey).collect(Collectors.toCollection(TreeSet::new));
    }

    private List<StoredEvent> storedEvents() {
        List<StoredEvent> events = new ArrayList<>();
        for (Document document : stack.database().getCollection("events").find().sort(new Document("globalIndex", 1))) {
            String payload = document.getString("payload");
            String type = document.getString("payloadType");
            if (type == null) {
                // A position the readers gave up on and fenced off with a marker (an abandoned position): no event.
                continue;
            }
            events.add(new StoredEvent(document.getString("_id"), document.getString("aggregateIdentifier"),
                    document.get("sequenceNumber", Number.class).longValue(),
                    type.substring(type.lastIndexOf('.') + 1),
                    document.get("globalIndex", Number.class).longValue(), Http.parse(payload), payload));
        }
        return events;
    }

    /** Waits, one look a second, until the feed holds as many entries as the store holds events. */
    private void awaitFeedHolding(int count, Instant deadline) {
        while (count > 0 && Instant.now().isBefore(deadline)) {
            Http.Response last = read("/api/events?limit=1&after=" + (count - 1), "subscriber");
            if (last.status() == 200 && !last.body().path("events").isEmpty()) {
                return;
            }
            Reliability.sleep(Duration.ofSeconds(1));
        }
    }

    /** The whole feed, page after page: exactly the store's events, each once, at positions 1, 2, 3, … */
    private void checkFeed(List<StoredEvent> events, List<String> halfApplied, List<String> duplicated,
                           List<String> outOfOrder) {
        Map<String, StoredEvent> byId = new HashMap<>();
        events.forEach(event -> byId.put(event.id(), event));
        Map<String, Long> positions = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        long expected = 1;
        long after = 0;
        while (true) {
            Http.Response page = read("/api/events?limit=1000&after=" + after, "subscriber");
            if (page.status() != 200) {
                halfApplied.add("feed: " + page.status() + " for the page after " + after + ": " + page.text());
                return;
            }
            JsonNode entries = page.body().path("events");
            if (entries.isEmpty()) {
                break;
            }
            for (JsonNode entry : entries) {
                long position = entry.path("position").asLong();
                String id = entry.path("id").asText();
                if (position != expected) {
                    outOfOrder.add("feed: position " + position + " where " + expected + " was due (event " + id + ")");
                }
                expected = position + 1;
                Long earlier = positions.put(id, position);
                if (earlier != null) {
                    duplicated.add("feed: event " + id + " at positions " + earlier + " and " + position);
                }
                StoredEvent stored = byId.get(id);
                if (stored == null) {
                    halfApplied.add("feed: position " + position + " holds event " + id + " (" + entry.path("type").asText()
                            + " of " + entry.path("subject").asText() + "), which the store does not hold");
                    continue;
                }
                Long before = lastSequence.put(stored.aggregate(), stored.sequence());
                if (before != null && before >= stored.sequence()) {
                    outOfOrder.add("feed: position " + position + " holds " + stored.aggregate() + " #" + stored.sequence()
                            + " after #" + before);
                }
            }
            after = page.body().path("next").asLong();
        }
        for (StoredEvent event : events) {
            if (!positions.containsKey(event.id())) {
                halfApplied.add("feed: lacks store event " + event.id() + " (" + event.type() + " " + event.aggregate()
                        + " v" + event.version() + ", global index " + event.globalIndex() + ")");
            }
        }
    }

    private void checkReadModels(Set<String> stories, Set<String> threads,
                                 Map<String, TreeMap<Long, StoredEvent>> byAggregate, List<String> halfApplied) {
        Map<String, String> headlines = new HashMap<>();
        for (String story : stories) {
            TreeMap<Long, StoredEvent> storyEvents = byAggregate.get(story);
            long version = storyEvents.lastKey() + 1;
            String headline = currentHeadline(storyEvents);
            headlines.put(story, headline);
            Http.Response read = read("/api/stories/" + story, "reader");
            if (read.status() != 200) {
                halfApplied.add("story " + story + ": " + read.status() + ", the store holds v" + version);
                continue;
            }
            long served = read.body().path("version").asLong();
            String servedHeadline = read.body().path("headline").asText();
            if (served != version || !servedHeadline.equals(headline)) {
                halfApplied.add("story " + story + ": served v" + served + " \"" + servedHeadline + "\", the store holds v"
                        + version + " \"" + headline + "\"");
            }
            Http.Response revisions = read("/api/stories/" + story + "/history", "reader");
            List<Long> versions = new ArrayList<>();
            if (revisions.status() == 200) {
                revisions.body().path("revisions").forEach(revision -> versions.add(revision.path("version").asLong()));
            }
            List<Long> expected = storyEvents.keySet().stream().map(sequence -> sequence + 1).toList();
            if (!versions.equals(expected)) {
                halfApplied.add("history of " + story + ": " + revisions.status() + " " + versions + ", the store holds "
                        + expected);
            }
        }
        for (String thread : threads) {
            checkThread(thread, byAggregate, headlines, halfApplied);
        }
        stories.stream().limit(SEARCH_SAMPLE).forEach(story -> {
            String headline = headlines.get(story);
            // The story's word and the next: search takes the last word of a query as a prefix, and one story's word
            // is the start of others' (…x2 of …x20), which may fill the first page.
            String[] words = headline.split(" ");
            String token = words[1];
            Http.Response found = read("/api/search?q=" + URLEncoder.encode(token + " " + words[2], StandardCharsets.UTF_8),
                                       "reader");
            List<String> ids = new ArrayList<>();
            if (found.status() == 200) {
                found.body().path("results").forEach(result -> ids.add(result.path("storyId").asText()));
            }
            if (!ids.contains(story)) {
                halfApplied.add("search for " + token + ": " + found.status() + " " + ids + ", the store holds " + story);
            }
        });
    }

    /** The thread's briefs, timeline and source index hold exactly the stories the store links to it. */
    private void checkThread(String thread, Map<String, TreeMap<Long, StoredEvent>> byAggregate,
                             Map<String, String> headlines, List<String> halfApplied) {
        Map<String, TreeMap<Long, StoredEvent>> members = new TreeMap<>();
        byAggregate.forEach((aggregate, events) -> {
            if (events.values().stream().anyMatch(event -> event.type().equals(LINKED)
                    && event.payloadText().contains("\"" + thread + "\""))) {
                members.put(aggregate, events);
            }
        });

        Http.Response briefs = read("/api/briefs?limit=100&thread=" + thread, "reader");
        Map<String, String> listed = new TreeMap<>();
        if (briefs.status() == 200) {
            briefs.body().path("briefs").forEach(brief -> listed.put(brief.path("storyId").asText(),
                    brief.path("headline").asText()));
        }
        Map<String, String> expectedBriefs = new TreeMap<>();
        members.forEach((story, events) -> expectedBriefs.put(story, currentHeadline(events)));
        if (!listed.equals(expectedBriefs)) {
            halfApplied.add("briefs of " + thread + ": " + briefs.status() + " " + difference(listed, expectedBriefs));
        }

        Set<String> entries = new TreeSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Http.Response page = read("/api/threads/" + thread + "/timeline?limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), "reader");
            if (page.status() != 200) {
                halfApplied.add("timeline of " + thread + ": " + page.status() + " " + page.text());
                return;
            }
            page.body().path("entries").forEach(entry -> entries.add(entry.path("storyId").asText() + " v"
                    + entry.path("version").asLong()));
            JsonNode next = page.body().path("next");
            cursor = next.isMissingNode() || next.isNull() ? null : next.asText();
        } while (cursor != null && ++pages < 100);
        Set<String> expectedEntries = new TreeSet<>();
        members.forEach((story, events) -> events.values().forEach(event -> expectedEntries.add(story + " v" + event.version())));
        if (!entries.equals(expectedEntries)) {
            halfApplied.add("timeline of " + thread + ": " + difference(entries, expectedEntries));
        }

        Http.Response bySource = read("/api/sources/" + SteadyLoad.SOURCE_ALIAS + "/stories?limit=100&thread=" + thread,
                "reader");
        Set<String> attributed = new TreeSet<>();
        if (bySource.status() == 200) {
            bySource.body().path("stories").forEach(story -> attributed.add(story.path("storyId").asText()));
        }
        Set<String> expectedAttributed = members.entrySet().stream()
                .filter(member -> member.getValue().values().stream().anyMatch(event -> event.type().equals(ATTRIBUTED)))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        if (!attributed.equals(expectedAttributed)) {
            halfApplied.add("source " + SteadyLoad.SOURCE_ALIAS + " in " + thread + ": " + bySource.status() + " "
                    + difference(attributed, expectedAttributed));
        }
    }

    private static String currentHeadline(TreeMap<Long, StoredEvent> events) {
        String headline = null;
        for (StoredEvent event : events.values()) {
            JsonNode value = event.payload().path("headline");
            if ((event.type().equals(FILED) || event.type().equals(UPDATED)) && value.isTextual()) {
                headline = value.asText();
            }
        }
        return headline;
    }

    /**
     * A read through the gateway. Readers take turns, a new token subject every {@link #READS_PER_READER} reads, so
     * that a check of hundreds of stories stays under the per-subject read limit; a {@code 429} is waited out.
     */
    private Http.Response read(String path, String role) {
        for (int attempt = 0; ; attempt++) {
            int n = reads.getAndIncrement() / READS_PER_READER;
            Http.Response response = Http.get(stack.gatewayUrl() + path,
                    stack.as("checker-" + readerTag + "-" + n, "Проверка", role));
            if (response.status() != 429 || attempt >= 5) {
                return response;
            }
            Reliability.sleep(Duration.ofMillis(500));
        }
    }

    private static <T> String difference(Set<T> served, Set<T> expected) {
        Set<T> extra = new TreeSet<>(served);
        extra.removeAll(expected);
        Set<T> missing = new TreeSet<>(expected);
        missing.removeAll(served);
        return "serves " + extra.size() + " the store does not link here " + abbreviate(extra) + ", lacks " + missing.size()
                + " " + abbreviate(missing);
    }

    private static String difference(Map<String, String> served, Map<String, String> expected) {
        Set<String> wrong = new TreeSet<>();
        served.forEach((story, headline) -> {
            if (!headline.equals(expected.get(story))) {
                wrong.add(story + " \"" + headline + "\" (store: " + expected.get(story) + ")");
            }
        });
        Set<String> missing = new TreeSet<>(expected.keySet());
        missing.removeAll(served.keySet());
        return "serves " + wrong.size() + " the store does not hold so " + abbreviate(wrong) + ", lacks " + missing.size()
                + " " + abbreviate(missing);
    }

    private static String abbreviate(Set<?> items) {
        return items.stream().limit(5).map(Object::toString).collect(Collectors.joining(", ", "[", items.size() > 5 ? ", …]" : "]"));
    }

    private static String describe(List<StoredEvent> stored) {
        return stored.stream().map(event -> event.aggregate() + " v" + event.version() + " (" + event.id() + ")")
                     .collect(Collectors.joining(", "));
    }
}
