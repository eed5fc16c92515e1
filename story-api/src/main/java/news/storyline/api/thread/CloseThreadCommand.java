package news.storyline.api.thread;

import news.storyline.api.story.Editor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Closes a thread: the story has stopped developing; no more stories are linked to it. */
public record CloseThreadCommand(@TargetAggregateIdentifier String slug,
                                 @TargetAggregateVersion Long expectedVersion,
                                 Editor editor) {
}
