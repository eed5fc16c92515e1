package news.storyline.gateway;

import org.springframework.http.HttpHeaders;

/**
 * A refusal the gateway decides itself (no token, wrong role, too many requests, headers too large), raised from
 * a filter and answered by {@link ProblemErrorHandler} like every other gateway problem, so that it gets the same
 * shape, correlation id and response headers. The detail must be safe to show; the headers go on the answer
 * ({@code WWW-Authenticate}, {@code Retry-After}).
 */
final class ProblemException extends RuntimeException {

    private final ProblemKind kind;
    private final String detail;
    private final HttpHeaders headers;

    ProblemException(ProblemKind kind, String detail, HttpHeaders headers) {
        // No stack trace: this is an answer, not a failure, and it is raised for every refused request.
        super(kind.name(), null, false, false);
        this.kind = kind;
        this.detail = detail;
        this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
    }

    ProblemException(ProblemKind kind, HttpHeaders headers) {
        this(kind, kind.detail(), headers);
    }

    ProblemException(ProblemKind kind, String detail) {
        this(kind, detail, HttpHeaders.EMPTY);
    }

    ProblemKind kind() {
        return kind;
    }

    String detail() {
        return detail;
    }

    HttpHeaders headers() {
        return headers;
    }
}
