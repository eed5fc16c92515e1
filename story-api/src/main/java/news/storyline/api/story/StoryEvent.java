package news.storyline.api.story;

/**
 * Every event in a story's stream. Read models that follow a story's version handle the events they care about
 * and let the rest merely advance the version.
 */
public interface StoryEvent {

    String storyId();
}
