package news.storyline.brief.feed;

/**
 * The feed's documents, one per event, as the feed contract describes them: what the projection writes and every
 * consumer reads. The position is the document's {@code _id}, so that a page is a range of the primary index.
 */
public final class FeedDocument {

    /** The collection, and the name of the processor that fills it. */
    public static final String COLLECTION = "feed";

    public static final String POSITION = "_id";
    /** Axon's id of the event; unique, so that an event delivered again is recognized. */
    public static final String EVENT_ID = "eventId";
    /** The class, time and stream of the event, for operators; consumers read {@link #CLOUD_EVENT}. */
    public static final String EVENT = "event";
    public static final String CE_TYPE = "ceType";
    /** The slugs of the threads the event concerns. */
    public static final String THREADS = "threads";
    /** The event as CloudEvents structured-mode JSON, the exact string every consumer serves. */
    public static final String CLOUD_EVENT = "cloudEvent";

    private FeedDocument() {
    }
}
