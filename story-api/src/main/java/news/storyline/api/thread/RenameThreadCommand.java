package news.storyline.api.thread;

import news.storyline.api.story.Editor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Gives a thread a new title (and description, when set); the slug stays. */
public record RenameThreadCommand(@TargetAggregateIdentifier String slug,
                                  @TargetAggregateVersion Long expectedVersion,
                                  String title,
                                  String description,
                                  Editor editor) {
}
