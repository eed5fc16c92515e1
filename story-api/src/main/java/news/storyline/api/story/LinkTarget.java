package news.storyline.api.story;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a story is linked to: a developing thread (by its slug), or another story (by its id) with a relation.
 *
 * @param relation how the story relates to the other story; null for a thread
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinkTarget(Kind kind, String id, StoryRelation relation) {

    public enum Kind {
        THREAD,
        STORY
    }

    public static LinkTarget thread(String slug) {
        return new LinkTarget(Kind.THREAD, slug, null);
    }

    public static LinkTarget story(String storyId, StoryRelation relation) {
        return new LinkTarget(Kind.STORY, storyId, relation);
    }
}
