package news.storyline.brief.webhook;

import java.util.Set;

/** The CloudEvents types the feed gives its events (the feed contract's list), which a webhook may ask for. */
final class EventTypes {

    static final Set<String> KNOWN = Set.of(
            "news.storyline.story.filed.v1",
            "news.storyline.story.updated.v1",
            "news.storyline.story.attributed.v1",
            "news.storyline.story.linked.v1",
            "news.storyline.story.unlinked.v1",
            "news.storyline.story.withdrawn.v1",
            "news.storyline.thread.opened.v1",
            "news.storyline.thread.renamed.v1",
            "news.storyline.thread.closed.v1");

    private EventTypes() {
    }
}
