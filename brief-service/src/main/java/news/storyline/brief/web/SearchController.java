package news.storyline.brief.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import news.storyline.api.query.SearchResults;
import news.storyline.api.query.SearchStoriesQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search over the headlines and leads of the stories as they stand. */
@RestController
@RequestMapping("/api")
class SearchController {

    /** As long as a headline may be: a longer query is not a search a reader types. */
    private static final int MAX_QUERY = 200;

    private final Queries queries;

    SearchController(Queries queries) {
        this.queries = queries;
    }

    /** A missing {@code q} is refused as a blank one is, naming the field. */
    @GetMapping("/search")
    SearchResults search(@RequestParam(defaultValue = "") @NotBlank @Size(max = MAX_QUERY) String q,
                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return queries.ask(new SearchStoriesQuery(q, limit), SearchResults.class);
    }
}
