package news.storyline.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon when an append failed because the aggregate's sequence number was taken, so that it reports a
 * concurrency conflict instead of a storage failure. A clash on the global index is not such a conflict: the
 * engine retries it with a new position, and only reports it when the retries are used up.
 */
final class DuplicateKeyResolver implements PersistenceExceptionResolver {

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            var index = DuplicateKeys.violatedIndex(cause);
            if (index.isPresent()) {
                return !GlobalIndexMongoEventStorageEngine.GLOBAL_INDEX_NAME.equals(index.get());
            }
        }
        return false;
    }
}
