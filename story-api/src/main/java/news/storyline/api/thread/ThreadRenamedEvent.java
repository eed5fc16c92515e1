package news.storyline.api.thread;

import news.storyline.api.story.Editor;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A thread got a new title; {@code description} is set when it changed too. */
@Revision("1")
public record ThreadRenamedEvent(String slug, String title, String description, Editor editor, Instant renamedAt) {
}
