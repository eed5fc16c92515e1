package news.storyline.api.thread;

import news.storyline.api.story.Editor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a developing thread; its slug ({@code ukraine-peace-talks}) names it for good and must be unused. */
public record OpenThreadCommand(@TargetAggregateIdentifier String slug, String title, String description,
                                Editor editor) {
}
