package news.storyline.story.command;

/** A link that does not exist: to unlink, or to a target that was never filed or opened. */
public class LinkNotFoundException extends RuntimeException {

    public LinkNotFoundException(String message) {
        super(message);
    }
}
