package news.storyline.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon when an append failed because the aggregate's sequence number was taken (MongoDB error 11000), so that
 * it reports a concurrency conflict instead of a storage failure.
 */
final class DuplicateKeyResolver implements PersistenceExceptionResolver {

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (isDuplicateKey(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDuplicateKey(Throwable error) {
        if (error instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                       .anyMatch(writeError -> ErrorCategory.fromErrorCode(writeError.getCode())
                               == ErrorCategory.DUPLICATE_KEY);
        }
        if (error instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return error instanceof MongoServerException server
                && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
