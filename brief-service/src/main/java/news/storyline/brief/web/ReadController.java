package news.storyline.brief.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.storyline.api.query.BriefList;
import news.storyline.api.query.FindBriefsQuery;
import news.storyline.api.query.FindStoryHistoryQuery;
import news.storyline.api.query.FindStoryQuery;
import news.storyline.api.query.StoryHistory;
import news.storyline.api.query.StoryView;
import news.storyline.api.rules.ThreadSlug;
import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.function.Function;

/** What readers ask of stories and the news list. */
@RestController
@RequestMapping("/api")
class ReadController {

    private final Queries queries;
    private final Freshness freshness;

    ReadController(Queries queries, Freshness freshness) {
        this.queries = queries;
        this.freshness = freshness;
    }

    /** With {@code minVersion}, waits (boundedly) until the story shows at least that version. */
    @GetMapping("/stories/{storyId}")
    ResponseEntity<?> story(@PathVariable String storyId,
                            @RequestParam(required = false) @Min(1) Long minVersion) {
        return story(storyId, minVersion, found -> found);
    }

    /** The story as an IPTC ninjs 3.1 news item ({@link NinjsDocuments}), for systems that take news in that form. */
    @GetMapping("/stories/{storyId}/ninjs")
    ResponseEntity<?> ninjs(@PathVariable String storyId,
                            @RequestParam(required = false) @Min(1) Long minVersion) {
        return story(storyId, minVersion, story -> NinjsDocuments.of(story, queries
                .askOptional(new FindStoryHistoryQuery(storyId), StoryHistory.class)
                .map(StoryHistory::revisions).orElse(List.of())));
    }

    /** Both shapes are plain JSON: ninjs has no registered media type of its own. */
    private ResponseEntity<?> story(String storyId, Long minVersion, Function<StoryView, ?> shape) {
        return freshness.atLeast(minVersion, () -> queries.askOptional(new FindStoryQuery(storyId), StoryView.class),
                                 StoryView::version)
                        .<ResponseEntity<?>>map(found -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                                                                       .eTag("\"" + found.version() + "\"")
                                                                       .body(shape.apply(found)))
                        .orElseGet(() -> Problems.respond(Problems.of(ProblemType.NOT_FOUND, "No story " + storyId)));
    }

    @GetMapping("/briefs")
    BriefList briefs(@RequestParam(required = false) @Pattern(regexp = ThreadSlug.PATTERN, message = ThreadSlug.FORM)
                     @Size(max = ThreadSlug.MAX_LENGTH) String thread,
                     @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return queries.ask(new FindBriefsQuery(thread, limit), BriefList.class);
    }
}
