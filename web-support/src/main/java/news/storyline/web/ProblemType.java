package news.storyline.web;

import org.springframework.http.HttpStatus;

import java.net.URI;

/**
 * Every kind of error the API reports, each with a stable {@code type} URI that clients may switch on. The URIs
 * name kinds of error; they are identifiers, not pages that must resolve.
 */
public enum ProblemType {

    INVALID_REQUEST("invalid-request", "The request is not valid", HttpStatus.BAD_REQUEST),
    MALFORMED_BODY("malformed-body", "The request body could not be read", HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED("unauthenticated", "Who is calling could not be established", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "The caller may not do this", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "No acceptable representation", HttpStatus.NOT_ACCEPTABLE),
    VERSION_CONFLICT("version-conflict", "The version you based this on is not the current one", HttpStatus.CONFLICT),
    ALREADY_EXISTS("already-exists", "Something with that id already exists", HttpStatus.CONFLICT),
    STORY_WITHDRAWN("story-withdrawn", "The story was withdrawn and takes no more changes", HttpStatus.CONFLICT),
    THREAD_CLOSED("thread-closed", "The thread is closed", HttpStatus.CONFLICT),
    TEXT_WITHDRAWN("text-withdrawn", "The story was withdrawn; its text is no longer kept", HttpStatus.GONE),
    IDEMPOTENCY_KEY_REUSE("idempotency-key-reuse", "The Idempotency-Key belongs to another request",
                          HttpStatus.UNPROCESSABLE_ENTITY),
    IDEMPOTENCY_IN_PROGRESS("idempotency-in-progress", "A request with this Idempotency-Key is still running",
                            HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", HttpStatus.PAYLOAD_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    UNPROCESSABLE("unprocessable", "The request cannot be carried out", HttpStatus.UNPROCESSABLE_ENTITY),
    PRECONDITION_REQUIRED("precondition-required", "Say which version you based this on (If-Match)",
                          HttpStatus.PRECONDITION_REQUIRED),
    UNAVAILABLE("unavailable", "Temporarily unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL("internal", "Something went wrong on our side", HttpStatus.INTERNAL_SERVER_ERROR),
    OTHER("http-error", "The request failed", HttpStatus.BAD_REQUEST);

    public static final String BASE = "https://storyline.news/problems/";

    private final URI uri;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.uri = URI.create(BASE + slug);
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }

    /** Whether this kind stands for its whole status, as Spring's own errors of that status do. */
    private boolean isGeneric() {
        return switch (this) {
            case OTHER, ALREADY_EXISTS, STORY_WITHDRAWN, THREAD_CLOSED, TEXT_WITHDRAWN, IDEMPOTENCY_KEY_REUSE, IDEMPOTENCY_IN_PROGRESS -> false;
            default -> true;
        };
    }

    /** The kind that Spring's own errors of this status belong to. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status.value() == status && type.isGeneric()) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : OTHER;
    }
}
