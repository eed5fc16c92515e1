package news.storyline.web;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.util.ClassUtils;

/**
 * Failures that mean the database cannot be reached just now (it is down, restarting or electing a primary): not a
 * bad request and not a bug, so the caller is told to come back ({@code 503}) instead of getting a {@code 500}.
 * They reach the web layer wrapped (by Axon, by Spring Data), so the whole chain of causes is searched.
 */
final class StoreOutages {

    private static final boolean DRIVER_PRESENT =
            ClassUtils.isPresent("com.mongodb.MongoException", StoreOutages.class.getClassLoader());

    private StoreOutages() {
    }

    static boolean causedAnyOf(Throwable failure) {
        if (!DRIVER_PRESENT) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isOutage(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutage(Throwable failure) {
        return failure instanceof MongoTimeoutException || failure instanceof MongoSocketException
                || failure instanceof MongoNotPrimaryException || failure instanceof MongoNodeIsRecoveringException;
    }
}
