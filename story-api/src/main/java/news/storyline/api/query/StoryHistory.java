package news.storyline.api.query;

import java.util.List;

/**
 * What happened to a story, one revision per event, oldest first. Never empty: a story's history starts with its
 * filing.
 */
public record StoryHistory(String storyId, List<StoryRevision> revisions) {

    /** The revision the story stands at now. */
    public StoryRevision latest() {
        return revisions.get(revisions.size() - 1);
    }
}
