package news.storyline.eventstore;

/** The names of the event store's collections. */
public record EventStoreCollections(String events, String snapshots, String counters) {

    public static final EventStoreCollections DEFAULTS = new EventStoreCollections("events", "snapshots", "counters");
}
