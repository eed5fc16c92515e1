package news.storyline.story.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import news.storyline.api.thread.CloseThreadCommand;
import news.storyline.api.thread.OpenThreadCommand;
import news.storyline.api.thread.RenameThreadCommand;
import news.storyline.story.command.Slugs;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Editors' writes to developing threads, named by their slugs. Each answers with the thread's new version. */
@RestController
@RequestMapping("/api/threads")
class ThreadCommandController {

    private final CommandGateway commands;
    private final Editors editors;

    ThreadCommandController(CommandGateway commands, Editors editors) {
        this.commands = commands;
        this.editors = editors;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Opened, at version 1; Location names the thread")
    ResponseEntity<WriteResult> open(@Valid @RequestBody OpenThreadRequest request) {
        String slug = request.slug() != null ? request.slug() : Slugs.fromTitle(request.title());
        commands.sendAndWait(new OpenThreadCommand(slug, request.title(), request.description(),
                                                   editors.current()));
        return ResponseEntity.created(URI.create("/api/threads/" + slug))
                             .eTag(Versions.etag(1))
                             .body(new WriteResult(slug, 1));
    }

    @PutMapping("/{slug}")
    ResponseEntity<WriteResult> rename(@PathVariable String slug,
                                       @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                       @Valid @RequestBody RenameThreadRequest request) {
        return answer(slug, commands.sendAndWait(new RenameThreadCommand(
                slug, Versions.fromIfMatch(ifMatch), request.title(), request.description(), editors.current())));
    }

    /** Closing means the same whatever the thread now says, so {@code If-Match} may be left out. */
    @PostMapping("/{slug}/closure")
    ResponseEntity<WriteResult> close(@PathVariable String slug, @RequestHeader HttpHeaders headers) {
        return answer(slug, commands.sendAndWait(new CloseThreadCommand(
                slug, Versions.fromOptionalIfMatch(headers), editors.current())));
    }

    private static ResponseEntity<WriteResult> answer(String slug, long version) {
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(new WriteResult(slug, version));
    }
}
