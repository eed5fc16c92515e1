package news.storyline.api.story;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Links a story to a developing thread or to another story. Linking twice changes nothing. */
public record LinkStoryCommand(
        @TargetAggregateIdentifier String storyId,
        @TargetAggregateVersion Long expectedVersion,
        LinkTarget target,
        Editor editor) {
}
