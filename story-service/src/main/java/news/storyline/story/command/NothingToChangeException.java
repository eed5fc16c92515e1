package news.storyline.story.command;

/** A change must change something: the one asked for leaves the story (or thread) as it is. */
public class NothingToChangeException extends RuntimeException {

    public NothingToChangeException(String id) {
        super(id + " is already as asked; the change would change nothing");
    }
}
