package news.storyline.api.story;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Removes a story's link to a thread (by slug) or to another story (by id). */
public record UnlinkStoryCommand(
        @TargetAggregateIdentifier String storyId,
        @TargetAggregateVersion Long expectedVersion,
        String target,
        Editor editor) {
}
