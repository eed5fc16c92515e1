package news.storyline.brief.web;

import news.storyline.brief.deadletter.DeadLetterSettings;
import news.storyline.brief.deadletter.ReadModelDeadLetters;
import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/**
 * Operations (role admin, which the gateway checks): the events a read model could not apply and parked, with the
 * later events of their stories, and retrying them once the cause is gone (a fixed handler, a repaired record).
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterController {

    private static final int DEFAULT_LIMIT = 100;

    private final ReadModelDeadLetters deadLetters;
    private final int maxLimit;

    DeadLetterController(ReadModelDeadLetters deadLetters, DeadLetterSettings settings) {
        this.deadLetters = deadLetters;
        this.maxLimit = settings.listLimit();
    }

    /** Parked events of every read model, or of {@code group}: each story's in order, at most {@code limit}. */
    @GetMapping
    ResponseEntity<?> list(@RequestParam Optional<String> group, @RequestParam Optional<Integer> limit) {
        if (group.isPresent() && !deadLetters.parks(group.get())) {
            return invalid("group", "No read model " + group.get() + " parks events; those that do: "
                                    + String.join(", ", deadLetters.groups()));
        }
        int max = limit.orElse(Math.min(DEFAULT_LIMIT, maxLimit));
        if (max < 1 || max > maxLimit) {
            return invalid("limit", "limit must lie between 1 and " + maxLimit);
        }
        return ResponseEntity.ok(deadLetters.list(group, max));
    }

    /** Retries every parked story of a read model; each one's events in order, stopping at one that fails again. */
    @PostMapping("/{group}/retry")
    ResponseEntity<?> retry(@PathVariable String group) {
        if (!deadLetters.parks(group)) {
            return notFound("No read model " + group + " parks events");
        }
        return ResponseEntity.ok(deadLetters.retry(group));
    }

    /** Retries one parked story (or thread) of a read model. */
    @PostMapping("/{group}/{sequence}/retry")
    ResponseEntity<?> retry(@PathVariable String group, @PathVariable String sequence) {
        if (!deadLetters.parks(group)) {
            return notFound("No read model " + group + " parks events");
        }
        return deadLetters.retry(group, sequence).<ResponseEntity<?>>map(ResponseEntity::ok)
                          .orElseGet(() -> notFound("Read model " + group + " has nothing parked for " + sequence));
    }

    private static ResponseEntity<ProblemDetail> invalid(String field, String detail) {
        ProblemDetail problem = Problems.of(ProblemType.INVALID_REQUEST, detail);
        problem.setProperty("field", field);
        return Problems.respond(problem);
    }

    private static ResponseEntity<ProblemDetail> notFound(String detail) {
        return Problems.respond(Problems.of(ProblemType.NOT_FOUND, detail));
    }
}
