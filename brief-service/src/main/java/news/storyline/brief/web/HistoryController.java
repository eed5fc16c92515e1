package news.storyline.brief.web;

import jakarta.validation.constraints.Min;
import news.storyline.api.query.FindStoryDiffQuery;
import news.storyline.api.query.FindStoryHistoryQuery;
import news.storyline.api.query.StoryDiff;
import news.storyline.api.query.StoryHistory;
import news.storyline.api.query.StoryRevision;
import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/** A story's revisions, and what changed in its text between two of them. */
@RestController
@RequestMapping("/api/stories/{storyId}")
class HistoryController {

    private final Queries queries;
    private final Freshness freshness;

    HistoryController(Queries queries, Freshness freshness) {
        this.queries = queries;
        this.freshness = freshness;
    }

    /** With {@code minVersion}, waits (boundedly) until the history reaches at least that version. */
    @GetMapping("/history")
    ResponseEntity<?> history(@PathVariable String storyId, @RequestParam(required = false) @Min(1) Long minVersion) {
        return find(storyId, minVersion).<ResponseEntity<?>>map(found -> ResponseEntity.ok()
                                                                      .eTag("\"" + found.latest().version() + "\"")
                                                                      .body(found))
                            .orElseGet(() -> notFound(storyId));
    }

    /**
     * Bad parameters are refused before the story is looked up, versions past the current one after. The missing
     * parameters are checked here, not by Spring, so that the problem names the {@code field} as the others do.
     */
    @GetMapping("/diff")
    ResponseEntity<?> diff(@PathVariable String storyId,
                           @RequestParam(required = false) @Min(1) Long from,
                           @RequestParam(required = false) @Min(1) Long to,
                           @RequestParam(required = false) @Min(1) Long minVersion) {
        if (from == null || to == null) {
            String missing = from == null ? "from" : "to";
            return invalid(missing, missing + " is required: the version to compare");
        }
        if (from > to) {
            return invalid("from", "from must not be after to");
        }
        Optional<StoryHistory> history = find(storyId, minVersion);
        if (history.isEmpty()) {
            return notFound(storyId);
        }
        StoryRevision latest = history.get().latest();
        if (to > latest.version()) {
            return invalid("to", "Story " + storyId + " is at version " + latest.version());
        }
        if (latest.kind() == StoryRevision.Kind.WITHDRAWN) {
            return textGone(storyId);
        }
        // Empty only when the story was withdrawn since the history was read.
        return queries.askOptional(new FindStoryDiffQuery(storyId, from, to), StoryDiff.class)
                      .<ResponseEntity<?>>map(ResponseEntity::ok)
                      .orElseGet(() -> textGone(storyId));
    }

    private Optional<StoryHistory> find(String storyId, Long minVersion) {
        return freshness.atLeast(minVersion,
                                 () -> queries.askOptional(new FindStoryHistoryQuery(storyId), StoryHistory.class),
                                 history -> history.latest().version());
    }

    private static ResponseEntity<ProblemDetail> invalid(String field, String detail) {
        ProblemDetail problem = Problems.of(ProblemType.INVALID_REQUEST, detail);
        problem.setProperty("field", field);
        return Problems.respond(problem);
    }

    private static ResponseEntity<ProblemDetail> notFound(String storyId) {
        return Problems.respond(Problems.of(ProblemType.NOT_FOUND, "No story " + storyId));
    }

    /**
     * 410, not 404: the story exists and its history can be read, but the text to compare was removed on purpose
     * and for good.
     */
    private static ResponseEntity<ProblemDetail> textGone(String storyId) {
        return Problems.respond(Problems.of(ProblemType.TEXT_WITHDRAWN,
                                            "Story " + storyId + " was withdrawn; its text is no longer kept"));
    }
}
