package news.storyline.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads MongoDB's duplicate-key errors (code 11000): whether an error is one, and which unique index it hit.
 * Both MongoDB and the embedded server name the index in the message: {@code E11000 ... index: NAME dup key ...}.
 */
final class DuplicateKeys {

    private static final Pattern INDEX = Pattern.compile("index: (\\S+) dup key");

    private DuplicateKeys() {
    }

    static boolean isDuplicateKey(int errorCode) {
        return ErrorCategory.fromErrorCode(errorCode) == ErrorCategory.DUPLICATE_KEY;
    }

    /** The unique index a failed bulk insert hit first, if it failed on one. */
    static Optional<String> violatedIndex(MongoBulkWriteException failure) {
        return failure.getWriteErrors().stream().findFirst()
                      .filter(error -> isDuplicateKey(error.getCode()))
                      .map(BulkWriteError::getMessage)
                      .flatMap(DuplicateKeys::indexIn);
    }

    static Optional<String> violatedIndex(Throwable error) {
        if (error instanceof MongoBulkWriteException bulk) {
            return violatedIndex(bulk);
        }
        if (error instanceof MongoWriteException write && isDuplicateKey(write.getError().getCode())) {
            return indexIn(write.getError().getMessage());
        }
        if (error instanceof MongoServerException server && isDuplicateKey(server.getCode())) {
            return indexIn(server.getMessage());
        }
        return Optional.empty();
    }

    private static Optional<String> indexIn(String message) {
        Matcher matcher = INDEX.matcher(message == null ? "" : message);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.of("unknown");
    }
}
