package news.storyline.story.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.FileStoryCommand;
import news.storyline.api.story.UpdateStoryCommand;
import news.storyline.story.web.idempotency.IdempotencyScope;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
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

    /**
     * Files a story under a new id: random, or with an {@code Idempotency-Key} derived from it, so that an attempt
     * run again finds its story filed rather than filing a twin, and answers as the first attempt did.
     */
    @PostMapping
    @ApiResponse(responseCode = "201", description = "Filed, at version 1; Location names the story")
    ResponseEntity<WriteResult> file(@Valid @RequestBody FileStoryRequest request,
                                     @RequestAttribute(name = IdempotencyScope.ATTRIBUTE, required = false)
                                     IdempotencyScope idempotency) {
        String storyId = idempotency == null ? UUID.randomUUID().toString() : idempotency.derivedId();
        try {
            commands.sendAndWait(new FileStoryCommand(
                    storyId, request.headline(), request.lead(), request.body(),
                    new Dateline(request.dateline().place(), request.dateline().at()),
                    request.language(), request.desk(), editors.current()));
        } catch (AggregateStreamCreationException filedByAnEarlierAttempt) {
            if (idempotency == null) {
                throw filedByAnEarlierAttempt;
            }
        }
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
