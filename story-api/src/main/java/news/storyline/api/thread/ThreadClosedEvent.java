package news.storyline.api.thread;

import news.storyline.api.story.Editor;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A thread was closed. */
@Revision("1")
public record ThreadClosedEvent(String slug, Editor editor, Instant closedAt) {
}
