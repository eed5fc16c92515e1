package news.storyline.trust;

/** The roles a token may grant, as they appear in its {@code roles} claim. */
public final class Roles {

    /** All reads, live timelines included. */
    public static final String READER = "reader";
    /** Reads and writes. */
    public static final String EDITOR = "editor";
    /** The event feed. */
    public static final String SUBSCRIBER = "subscriber";
    /** Rebuilds and operations. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
