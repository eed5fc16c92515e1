package news.storyline.story.command;

import news.storyline.api.story.AttributionHop;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.LinkTarget;

import java.util.List;

/** The rules every change to a story keeps, whoever sends the command. */
final class StoryRules {

    /** An attribution chain is short: originator, a carrier or two, whom the agency cites. */
    static final int MAX_HOPS = 10;

    private StoryRules() {
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidStoryException(field, "must not be empty");
        }
    }

    static void requirePlace(Dateline dateline) {
        if (dateline == null) {
            throw new InvalidStoryException("dateline", "must name a place");
        }
        requireText("dateline.place", dateline.place());
    }

    static void requireChain(List<AttributionHop> chain) {
        if (chain == null || chain.isEmpty()) {
            throw new InvalidStoryException("chain", "must name at least one source");
        }
        if (chain.size() > MAX_HOPS) {
            throw new InvalidStoryException("chain", "must have at most " + MAX_HOPS + " hops");
        }
        for (int i = 0; i < chain.size(); i++) {
            AttributionHop hop = chain.get(i);
            if (hop == null) {
                throw new InvalidStoryException("chain[" + i + "]", "must not be empty");
            }
            requireText("chain[" + i + "].source", hop.source());
            if (hop.role() == null) {
                throw new InvalidStoryException("chain[" + i + "].role", "must be given");
            }
        }
    }

    static void requireLinkTarget(LinkTarget target, String storyId) {
        if (target == null || target.kind() == null) {
            throw new InvalidStoryException("target", "must name a thread or a story");
        }
        requireText(field(target), target.id());
        if (target.kind() == LinkTarget.Kind.STORY) {
            if (target.relation() == null) {
                throw new InvalidStoryException("relation", "must say how the stories relate");
            }
            if (target.id().equals(storyId)) {
                throw new InvalidStoryException("story", "a story cannot be linked to itself");
            }
        } else if (target.relation() != null) {
            throw new InvalidStoryException("relation", "applies to a link between stories only");
        }
    }

    private static String field(LinkTarget target) {
        return target.kind() == LinkTarget.Kind.THREAD ? "thread" : "story";
    }
}
