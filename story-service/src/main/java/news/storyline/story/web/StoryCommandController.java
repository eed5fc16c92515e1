package news.storyline.story.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.FileStoryCommand;
import news.storyline.api.story.UpdateStoryCommand;
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
import java.util.UUID;

/** Editors' writes to stories. Each answers with the story's new version. */
@RestController
@RequestMapping("/api/stories")
class StoryCommandController {

    private final CommandGateway commands;
    private final Editors editors;

    StoryCommandController(CommandGateway commands, Editors editors) {
        this.commands = commands;
        this.editors = editors;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Filed, at version 1; Location names the story")
    ResponseEntity<WriteResult> file(@Valid @RequestBody FileStoryRequest request) {
        String storyId = UUID.randomUUID().toString();
        commands.sendAndWait(new FileStoryCommand(
                storyId, request.headline(), request.lead(), request.body(),
                new Dateline(request.dateline().place(), request.dateline().at()),
                request.language(), request.desk(), editors.current()));
        return ResponseEntity.created(URI.create("/api/stories/" + storyId))
                             .eTag(Versions.etag(1))
                             .body(new WriteResult(storyId, 1));
    }

    @PutMapping("/{storyId}")
    ResponseEntity<WriteResult> update(@PathVariable String storyId,
                                       @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                       @Valid @RequestBody UpdateStoryRequest request) {
        long version = commands.sendAndWait(new UpdateStoryCommand(
                storyId, Versions.fromIfMatch(ifMatch), request.headline(), request.lead(), request.body(),
                request.kind(), request.note(), editors.current()));
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(new WriteResult(storyId, version));
    }
}
