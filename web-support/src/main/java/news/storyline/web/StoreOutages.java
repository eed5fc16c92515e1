package news.storyline.web;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.util.ClassUtils;

import java.io.IOException;

/**
 * Failures that mean the database cannot be reached just now (it is down, restarting or electing a primary): not a
 * bad request and not a bug, so the caller is told to come back ({@code 503}) instead of getting a {@code 500}.
 * They reach the web layer wrapped (by Axon, by Spring Data), so the whole chain of causes is searched.
 */
public final class StoreOutages {

    /** How soon a caller turned away should try again, in seconds: the store restarts within a few. */
    static final String RETRY_AFTER = "1";

    private static final boolean DRIVER_PRESENT =
            ClassUtils.isPresent("com.mongodb.MongoException", StoreOutages.class.getClassLoader());

    private StoreOutages() {
    }

    public static boolean causedAnyOf(Throwable failure) {
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

    /** The answer while the database cannot be reached: a write may or may not have been applied. */
    static ProblemDetail problem() {
        return Problems.of(ProblemType.UNAVAILABLE, "The database cannot be reached just now. A write may or may not "
                                                    + "have been applied: retry it with the same Idempotency-Key");
    }

    /** Answers from a servlet filter, which no controller advice reaches. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
        FilterProblems.write(problem(), request, response, json);
    }

    private static boolean isOutage(Throwable failure) {
        return failure instanceof MongoTimeoutException || failure instanceof MongoSocketException
                || failure instanceof MongoNotPrimaryException || failure instanceof MongoNodeIsRecoveringException;
    }
}
