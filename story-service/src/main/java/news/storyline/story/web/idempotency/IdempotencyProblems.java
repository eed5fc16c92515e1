package news.storyline.story.web.idempotency;

import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** The refusals that only a request with {@code Idempotency-Key} can meet. */
final class IdempotencyProblems {

    static final URI KEY_REUSE = URI.create(ProblemType.BASE + "idempotency-key-reuse");
    static final URI IN_PROGRESS = URI.create(ProblemType.BASE + "idempotency-in-progress");

    private IdempotencyProblems() {
    }

    static ProblemDetail malformedKey(IdempotencyKey.MalformedKeyException ex) {
        ProblemDetail problem = Problems.of(ProblemType.INVALID_REQUEST, ex.getMessage());
        problem.setProperty("field", IdempotencyFilter.KEY_HEADER);
        return problem;
    }

    static ProblemDetail keyReused() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "This Idempotency-Key was sent with another request body; use a new key for a new request");
        problem.setType(KEY_REUSE);
        problem.setTitle("The Idempotency-Key belongs to another request");
        return problem;
    }

    static ProblemDetail inProgress() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The first request with this Idempotency-Key has not finished; retry later");
        problem.setType(IN_PROGRESS);
        problem.setTitle("A request with this Idempotency-Key is still running");
        return problem;
    }
}
