package news.storyline.story.command;

/** A command would break one of a story's rules; nothing was written. */
public class InvalidStoryException extends RuntimeException {

    private final String field;

    public InvalidStoryException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
