package news.storyline.story.web;

import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;

/**
 * Text that is not {@link PlainText} is an invalid value, not a malformed body, and is reported like a failed
 * validation. Spring wraps Jackson's error in {@code HttpMessageNotReadableException}, which the standard advice
 * would call a malformed body; this advice comes first and is matched by that exception's cause.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlainTextProblemsAdvice {

    @ExceptionHandler(NotPlainTextException.class)
    ResponseEntity<ProblemDetail> notPlainText(NotPlainTextException ex) {
        String field = ex.field();
        String message = ex.getOriginalMessage();
        ProblemDetail problem = Problems.of(ProblemType.INVALID_REQUEST, field + " " + message);
        problem.setProperty("field", field);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return Problems.respond(problem);
    }
}
