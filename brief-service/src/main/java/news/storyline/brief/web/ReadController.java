package news.storyline.brief.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import news.storyline.api.query.BriefList;
import news.storyline.api.query.FindBriefsQuery;
import news.storyline.api.query.FindStoryQuery;
import news.storyline.api.query.StoryView;
import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/** What readers ask of the read models. */
@RestController
@RequestMapping("/api")
class ReadController {

    private final QueryGateway queries;

    ReadController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/stories/{storyId}")
    ResponseEntity<?> story(@PathVariable String storyId) {
        Optional<StoryView> story = queries.query(new FindStoryQuery(storyId),
                                                  ResponseTypes.optionalInstanceOf(StoryView.class)).join();
        return story.<ResponseEntity<?>>map(found -> ResponseEntity.ok().eTag("\"" + found.version() + "\"")
                                                                   .body(found))
                    .orElseGet(() -> Problems.respond(Problems.of(ProblemType.NOT_FOUND, "No story " + storyId)));
    }

    @GetMapping("/briefs")
    BriefList briefs(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return queries.query(new FindBriefsQuery(limit), BriefList.class).join();
    }
}
