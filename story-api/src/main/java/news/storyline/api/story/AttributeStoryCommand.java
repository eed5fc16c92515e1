package news.storyline.api.story;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/** Adds a chain of sources a story comes from, originator first. The same chain twice changes nothing. */
public record AttributeStoryCommand(
        @TargetAggregateIdentifier String storyId,
        @TargetAggregateVersion Long expectedVersion,
        List<AttributionHop> chain,
        Editor editor) {
}
