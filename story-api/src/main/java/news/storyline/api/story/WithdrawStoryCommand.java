package news.storyline.api.story;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Kills a story. Nothing else is accepted after it. */
public record WithdrawStoryCommand(
        @TargetAggregateIdentifier String storyId,
        @TargetAggregateVersion Long expectedVersion,
        String reason,
        Editor editor) {
}
