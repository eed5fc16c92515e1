package news.storyline.api.rules;

/**
 * The form of a thread's slug, its id on the wire ({@code ukraine-peace-talks}): every service refuses any other
 * form, as a slug to open and as a thread to read or filter by.
 */
public final class ThreadSlug {

    /** Lower-case letters and digits joined by single dashes. */
    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String FORM =
            "must be lower-case letters and digits joined by single dashes, such as ukraine-peace-talks";
    public static final int MAX_LENGTH = 80;

    private ThreadSlug() {
    }
}
