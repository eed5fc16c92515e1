package news.storyline.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Turns Spring MVC's own errors (bad JSON, failed validation, unknown routes, wrong methods) and anything
 * unexpected into problem details with a stable type. A service's own advice, ordered before this one, handles
 * its domain's errors.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class StandardProblemsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StandardProblemsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers,
                                                                  HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                                             .map(StandardProblemsAdvice::describe)
                                             .toList();
        ProblemDetail problem = Problems.of(ProblemType.INVALID_REQUEST,
                                            errors.isEmpty() ? "The request is not valid"
                                                    : errors.get(0).get("field") + " " + errors.get(0).get("message"));
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).get("field"));
        }
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers,
                                                                  HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.MALFORMED_BODY, MalformedBodies.describe(ex));
        MalformedBodies.field(ex).ifPresent(field -> problem.setProperty("field", field));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        ProblemDetail problem = Problems.of(ProblemType.INVALID_REQUEST, ex.getName() + " has the wrong form");
        problem.setProperty("field", ex.getName());
        return Problems.respond(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (StoreOutages.causedAnyOf(ex)) {
            log.warn("The database cannot be reached: {}", ex.toString());
            ProblemDetail problem = StoreOutages.problem();
            return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, StoreOutages.RETRY_AFTER)
                                 .body(problem);
        }
        log.error("Unexpected failure", ex);
        return Problems.respond(Problems.of(ProblemType.INTERNAL, "An unexpected error occurred"));
    }

    /** Every problem Spring builds itself gets the stable type of its status instead of {@code about:blank}. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
                                                          HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && isBlank(problem.getType())) {
            ProblemType type = ProblemType.forStatus(statusCode.value());
            problem.setType(type.uri());
            problem.setTitle(type.title());
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = Problems.of(ProblemType.INVALID_REQUEST, errors.isEmpty()
                ? "A parameter is not valid" : errors.get(0).get("field") + " " + errors.get(0).get("message"));
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).get("field"));
        }
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static boolean isBlank(URI type) {
        return type == null || "about:blank".equals(type.toString());
    }

    private static Map<String, String> describe(FieldError error) {
        return Map.of("field", error.getField(),
                      "message", error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage());
    }
}
