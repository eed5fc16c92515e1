package news.storyline.brief.web;

import news.storyline.brief.rebuild.Rebuild;
import news.storyline.brief.rebuild.Rebuilds;
import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Operations: rebuild the read models from the event store while they keep serving. */
@RestController
@RequestMapping("/api/admin/rebuilds")
class RebuildController {

    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** Starts a rebuild and answers at once; follow it at the {@code Location} given. */
    @PostMapping
    ResponseEntity<?> start() {
        return rebuilds.start()
                       .<ResponseEntity<?>>map(rebuild -> ResponseEntity
                               .accepted().location(URI.create("/api/admin/rebuilds/" + rebuild.id())).body(rebuild))
                       .orElseGet(() -> Problems.respond(Problems.of(ProblemType.UNPROCESSABLE,
                                                                     "A rebuild is running; wait for it to finish")));
    }

    @GetMapping("/{id}")
    ResponseEntity<?> rebuild(@PathVariable String id) {
        return rebuilds.find(id)
                       .<ResponseEntity<?>>map(ResponseEntity::ok)
                       .orElseGet(() -> Problems.respond(Problems.of(ProblemType.NOT_FOUND, "No rebuild " + id)));
    }
}
