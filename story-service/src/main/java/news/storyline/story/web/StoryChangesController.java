package news.storyline.story.web;

import jakarta.validation.Valid;
import news.storyline.api.story.AttributeStoryCommand;
import news.storyline.api.story.AttributionHop;
import news.storyline.api.story.LinkStoryCommand;
import news.storyline.api.story.UnlinkStoryCommand;
import news.storyline.api.story.WithdrawStoryCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Everything that happens to a filed story besides revising its text. Each answers with the story's version
 * after the change, and takes {@code If-Match} to refuse a change based on a version that is no longer current.
 */
@RestController
@RequestMapping("/api/stories/{storyId}")
class StoryChangesController {

    private final CommandGateway commands;
    private final Editors editors;

    StoryChangesController(CommandGateway commands, Editors editors) {
        this.commands = commands;
        this.editors = editors;
    }

    @PostMapping("/attributions")
    ResponseEntity<WriteResult> attribute(@PathVariable String storyId,
                                          @Valid @RequestBody AttributionRequest request,
                                          @RequestHeader HttpHeaders headers) {
        var chain = request.chain().stream()
                           .map(hop -> new AttributionHop(hop.source(), null, hop.role()))
                           .toList();
        return answer(storyId, commands.sendAndWait(new AttributeStoryCommand(
                storyId, Versions.fromOptionalIfMatch(headers), chain, editors.current())));
    }

    @PostMapping("/links")
    ResponseEntity<WriteResult> link(@PathVariable String storyId,
                                     @Valid @RequestBody LinkRequest request,
                                     @RequestHeader HttpHeaders headers) {
        return answer(storyId, commands.sendAndWait(new LinkStoryCommand(
                storyId, Versions.fromOptionalIfMatch(headers), request.target(), editors.current())));
    }

    @DeleteMapping("/links/{target}")
    ResponseEntity<WriteResult> unlink(@PathVariable String storyId,
                                       @PathVariable String target,
                                       @RequestHeader HttpHeaders headers) {
        return answer(storyId, commands.sendAndWait(new UnlinkStoryCommand(
                storyId, Versions.fromOptionalIfMatch(headers), target, editors.current())));
    }

    @PostMapping("/withdrawal")
    ResponseEntity<WriteResult> withdraw(@PathVariable String storyId,
                                         @Valid @RequestBody WithdrawalRequest request,
                                         @RequestHeader HttpHeaders headers) {
        return answer(storyId, commands.sendAndWait(new WithdrawStoryCommand(
                storyId, Versions.fromOptionalIfMatch(headers), request.reason(), editors.current())));
    }

    private static ResponseEntity<WriteResult> answer(String storyId, long version) {
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(new WriteResult(storyId, version));
    }
}
