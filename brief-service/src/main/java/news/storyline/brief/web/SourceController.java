package news.storyline.brief.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.storyline.api.query.FindStoriesBySourceQuery;
import news.storyline.api.query.SourceStories;
import news.storyline.api.rules.ThreadSlug;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The stories a source is in the attribution chains of, asked by any of its names. */
@RestController
@RequestMapping("/api/sources")
class SourceController {

    /** As long as a source's name may be in an attribution. */
    private static final int MAX_NAME = 100;

    private final Queries queries;

    SourceController(Queries queries) {
        this.queries = queries;
    }

    /** {@code thread} left empty ({@code ?thread=}) asks for every thread, as leaving it out does. */
    @GetMapping("/{name}/stories")
    SourceStories stories(@PathVariable @NotBlank @Size(max = MAX_NAME) String name,
                          @RequestParam(required = false) @Pattern(regexp = "^$|" + ThreadSlug.PATTERN, message = ThreadSlug.FORM)
                          @Size(max = ThreadSlug.MAX_LENGTH) String thread,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        String inThread = thread == null || thread.isBlank() ? null : thread;
        return queries.ask(new FindStoriesBySourceQuery(name, inThread, limit), SourceStories.class);
    }
}
