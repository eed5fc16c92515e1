package news.storyline.api.story;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Makes a new revision of a story. Fields left null stay as they are.
 *
 * @param expectedVersion the aggregate version (Axon's, the sequence number of the last event) the editor based the
 *                        change on; a stale one is refused. Null means "whatever is current".
 */
public record UpdateStoryCommand(
        @TargetAggregateIdentifier String storyId,
        @TargetAggregateVersion Long expectedVersion,
        String headline,
        String lead,
        String body,
        RevisionKind kind,
        String note,
        Editor editor) {
}
