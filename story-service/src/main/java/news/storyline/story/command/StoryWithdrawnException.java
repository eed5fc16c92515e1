package news.storyline.story.command;

/** A withdrawn story takes no more changes. */
public class StoryWithdrawnException extends RuntimeException {

    public StoryWithdrawnException(String storyId) {
        super("Story " + storyId + " was withdrawn and takes no more changes");
    }
}
