package news.storyline.brief.web;

import news.storyline.api.query.QueryRefusedException;
import news.storyline.brief.feed.UnknownEventTypeException;
import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How the read side's refusals look to a client. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadProblemsAdvice {

    /** Seconds a client should wait before asking again for a version the read model has not reached. */
    private static final String RETRY_AFTER_SECONDS = "1";

    @ExceptionHandler(QueryRefusedException.class)
    ResponseEntity<ProblemDetail> refused(QueryRefusedException ex) {
        ProblemDetail problem = Problems.of(ProblemType.INVALID_REQUEST, ex.getMessage());
        problem.setProperty("field", ex.field());
        return Problems.respond(problem);
    }

    @ExceptionHandler(UnknownEventTypeException.class)
    ResponseEntity<ProblemDetail> unknownEventType(UnknownEventTypeException ex) {
        ProblemDetail problem = Problems.of(ProblemType.INVALID_REQUEST, ex.getMessage());
        problem.setProperty("field", ex.field());
        problem.setProperty("knownTypes", ex.knownTypes());
        return Problems.respond(problem);
    }

    @ExceptionHandler(Freshness.NotCaughtUpException.class)
    ResponseEntity<ProblemDetail> notCaughtUp(Freshness.NotCaughtUpException ex) {
        ProblemDetail problem = Problems.of(ProblemType.UNAVAILABLE, ex.getMessage());
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                             .body(problem);
    }
}
