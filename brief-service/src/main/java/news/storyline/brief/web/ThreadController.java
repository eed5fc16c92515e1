package news.storyline.brief.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import news.storyline.api.query.FindThreadQuery;
import news.storyline.api.query.QueryRefusedException;
import news.storyline.api.query.FindThreadsQuery;
import news.storyline.api.query.FindTimelineQuery;
import news.storyline.api.query.ThreadList;
import news.storyline.api.query.ThreadSummary;
import news.storyline.api.query.TimelinePage;
import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Optional;

/**
 * Developing threads and their timelines. {@code minVersion} on these reads is the thread's version (what its
 * own writes — open, rename, close — answered).
 */
@RestController
@RequestMapping("/api/threads")
class ThreadController {

    /**
     * The instants {@code asOf} may name: those a story can be dated at. Beyond them an instant is no date anyone
     * meant, and some do not fit a {@code java.util.Date} or a BSON date at all.
     */
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final Queries queries;
    private final Freshness freshness;

    ThreadController(Queries queries, Freshness freshness) {
        this.queries = queries;
        this.freshness = freshness;
    }

    @GetMapping
    ThreadList threads() {
        return queries.ask(new FindThreadsQuery(), ThreadList.class);
    }

    @GetMapping("/{slug}")
    ResponseEntity<?> thread(@PathVariable String slug, @RequestParam(required = false) @Min(1) Long minVersion) {
        return found(freshThread(slug, minVersion).map(thread -> ResponseEntity.ok()
                                                                              .eTag("\"" + thread.version() + "\"")
                                                                              .body(thread)), slug);
    }

    /**
     * Newest first, {@code limit} entries a page, {@code cursor} from the previous page's {@code next};
     * {@code asOf} shows the thread exactly as it stood at that instant.
     */
    @GetMapping("/{slug}/timeline")
    ResponseEntity<?> timeline(@PathVariable String slug,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                               @RequestParam(required = false) Instant asOf,
                               @RequestParam(required = false) @Min(1) Long minVersion) {
        if (asOf != null && (asOf.isBefore(EARLIEST) || asOf.isAfter(LATEST))) {
            throw new QueryRefusedException("asOf", "asOf must lie between " + EARLIEST + " and " + LATEST);
        }
        if (freshThread(slug, minVersion).isEmpty()) {
            return notFound(slug);
        }
        return found(queries.askOptional(new FindTimelineQuery(slug, cursor, limit, asOf), TimelinePage.class)
                            .map(ResponseEntity::ok), slug);
    }

    private Optional<ThreadSummary> freshThread(String slug, Long minVersion) {
        return freshness.atLeast(minVersion, () -> queries.askOptional(new FindThreadQuery(slug), ThreadSummary.class),
                                 ThreadSummary::version);
    }

    private static ResponseEntity<?> found(Optional<? extends ResponseEntity<?>> answer, String slug) {
        return answer.<ResponseEntity<?>>map(response -> response).orElseGet(() -> notFound(slug));
    }

    private static ResponseEntity<?> notFound(String slug) {
        return Problems.respond(Problems.of(ProblemType.NOT_FOUND, "No thread " + slug));
    }
}
