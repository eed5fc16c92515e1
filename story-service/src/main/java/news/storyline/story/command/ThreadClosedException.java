package news.storyline.story.command;

/** A closed thread takes no more changes and no more stories. */
public class ThreadClosedException extends RuntimeException {

    public ThreadClosedException(String slug) {
        super("Thread " + slug + " is closed");
    }
}
