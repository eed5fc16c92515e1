package news.storyline.api.story;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/** Says where a story comes from: an ordered chain of sources, originator first. Replaces any earlier chain. */
public record AttributeStoryCommand(
        @TargetAggregateIdentifier String storyId,
        @TargetAggregateVersion Long expectedVersion,
        List<AttributionHop> chain,
        Editor editor) {
}
