package news.storyline.brief.feed;

import news.storyline.api.query.QueryRefusedException;

import java.util.SortedSet;

/**
 * A consumer asked for event types the feed does not publish. The message names them and lists the types there
 * are; {@link #knownTypes()} lists them for a client to read.
 */
public class UnknownEventTypeException extends QueryRefusedException {

    UnknownEventTypeException(String field, SortedSet<String> unknown, SortedSet<String> known) {
        super(field, "Unknown event type " + String.join(", ", unknown)
                     + "; the types are " + String.join(", ", known));
    }

    /** Every type the feed publishes, in alphabetical order. */
    public SortedSet<String> knownTypes() {
        return CloudEventMapping.KNOWN_TYPES;
    }
}
