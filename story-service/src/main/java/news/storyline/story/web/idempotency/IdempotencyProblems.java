package news.storyline.story.web.idempotency;

import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.springframework.http.ProblemDetail;

/** The refusals that only a request with {@code Idempotency-Key} can meet. */
final class IdempotencyProblems {

    private IdempotencyProblems() {
    }

    static ProblemDetail malformedKey(IdempotencyKey.MalformedKeyException ex) {
        ProblemDetail problem = Problems.of(ProblemType.INVALID_REQUEST, ex.getMessage());
        problem.setProperty("field", IdempotencyFilter.KEY_HEADER);
        return problem;
    }

    static ProblemDetail keyReused() {
        return Problems.of(ProblemType.IDEMPOTENCY_KEY_REUSE,
                           "This Idempotency-Key was sent with another request body; use a new key for a new request");
    }

    static ProblemDetail inProgress() {
        return Problems.of(ProblemType.IDEMPOTENCY_IN_PROGRESS,
                           "The first request with this Idempotency-Key has not finished; retry later");
    }
}
