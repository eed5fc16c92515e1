package news.storyline.api.story;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Files a new story: its first revision. */
public record FileStoryCommand(
        @TargetAggregateIdentifier String storyId,
        String headline,
        String lead,
        String body,
        Dateline dateline,
        String language,
        String desk,
        Editor filedBy) {
}
