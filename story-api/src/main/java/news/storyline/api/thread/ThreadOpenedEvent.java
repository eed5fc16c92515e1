package news.storyline.api.thread;

import news.storyline.api.story.Editor;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A developing thread was opened. */
@Revision("1")
public record ThreadOpenedEvent(String slug, String title, String description, Editor editor, Instant openedAt) {
}
