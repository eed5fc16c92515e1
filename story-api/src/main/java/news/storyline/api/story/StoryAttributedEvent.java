package news.storyline.api.story;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A story was attributed: one chain of sources, originator first ("КЦТА, цитирана от Франс прес"). A story may
 * carry several independent chains (KCNA via AFP, and the Russian embassy's Telegram channel).
 */
@Revision("1")
public record StoryAttributedEvent(String storyId, List<AttributionHop> chain, Editor editor, Instant attributedAt) implements StoryEvent {
}
