package news.storyline.brief.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import news.storyline.brief.feed.FeedIntegrity;
import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations (role admin, which the gateway checks): compare the event feed with the event store, and repair it
 * from the first position where they differ.
 */
@RestController
@RequestMapping("/api/admin/feed")
class FeedAdminController {

    private static final String BUSY = "A check or a repair of the feed is running; wait for it to finish";

    private final FeedIntegrity integrity;

    FeedAdminController(FeedIntegrity integrity) {
        this.integrity = integrity;
    }

    @GetMapping("/check")
    @Operation(summary = "Compares the feed with the event store",
               description = "Walks both in order and reports every discrepancy (kind, feed position, event id, "
                             + "global index): entries whose event the store lacks, store events the feed lacks, "
                             + "duplicates, holes, entries out of order. An unsound feed is served up to its last "
                             + "good position only, until it is repaired.")
    ResponseEntity<?> check(@Parameter(description = "The most discrepancies listed; all are counted")
                            @RequestParam(defaultValue = "100") @Min(0) @Max(10_000) int listed) {
        return integrity.check(listed)
                        .<ResponseEntity<?>>map(ResponseEntity::ok)
                        .orElseGet(() -> Problems.respond(Problems.of(ProblemType.UNPROCESSABLE, BUSY)));
    }

    @PostMapping("/repair")
    @Operation(summary = "Rewrites the feed from its first bad position on from the event store",
               description = "Checks the feed; keeps every entry up to the last good position unchanged, and writes "
                             + "the rest again from the store, in the store's order. A subscriber that read past "
                             + "the kept positions resumes after keptUpTo. A sound feed is left as it is.")
    ResponseEntity<?> repair(@Parameter(description = "The most discrepancies listed in the check it acted on")
                             @RequestParam(defaultValue = "100") @Min(0) @Max(10_000) int listed) {
        return integrity.repair(listed)
                        .<ResponseEntity<?>>map(ResponseEntity::ok)
                        .orElseGet(() -> Problems.respond(Problems.of(ProblemType.UNPROCESSABLE, BUSY)));
    }
}
