package news.storyline.trust;

/** The roles a caller may hold, as the gateway names them in a caller token. */
public final class Roles {

    /** All reads. */
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
