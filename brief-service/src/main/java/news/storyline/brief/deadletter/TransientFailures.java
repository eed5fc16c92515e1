package news.storyline.brief.deadletter;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoInterruptedException;
import news.storyline.web.StoreOutages;

/**
 * Failures that say nothing about the event: the database could not be reached. Such an event is tried again until
 * the database is back, never parked.
 */
final class TransientFailures {

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        if (StoreOutages.causedAnyOf(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MongoConnectionPoolClearedException || cause instanceof MongoInterruptedException
                || cause instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }
}
