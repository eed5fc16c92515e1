package news.storyline.story.command;

/** A revision must change something: the one asked for is identical to the current story. */
public class NothingToChangeException extends RuntimeException {

    public NothingToChangeException(String storyId) {
        super("The revision of story " + storyId + " changes nothing");
    }
}
