package news.storyline.api.story;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A story's attribution chain, originator first. It replaces the chain before it. */
@Revision("1")
public record StoryAttributedEvent(String storyId, List<AttributionHop> chain, Editor editor, Instant attributedAt) {
}
