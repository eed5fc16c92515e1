package news.storyline.gateway;

import org.springframework.http.HttpStatus;

import java.net.URI;

/**
 * The kinds of error the gateway answers itself, with the same stable {@code type} URIs the services use
 * (web-support's {@code ProblemType}, which is servlet-based and so not a dependency here). Only the kinds the
 * gateway can produce are copied; {@link #UPSTREAM_CONNECTION_LOST}, {@link #UPSTREAM_TIMEOUT}, {@link #UNAUTHENTICATED}, {@link #FORBIDDEN},
 * {@link #RATE_LIMITED}, {@link #HEADERS_TOO_LARGE}, {@link #URI_TOO_LONG} and {@link #REQUEST_TIMEOUT} are
 * the gateway's own.
 */
enum ProblemKind {

    INVALID_REQUEST("invalid-request", "The request is not valid", HttpStatus.BAD_REQUEST,
            "The request is not valid."),
    UNAUTHENTICATED("unauthenticated", "Authentication required", HttpStatus.UNAUTHORIZED,
            "This request needs a valid bearer token."),
    FORBIDDEN("forbidden", "Forbidden", HttpStatus.FORBIDDEN,
            "This request is not allowed."),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND,
            "Nothing here answers this method and path."),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED,
            "This method is not allowed here."),
    NOT_ACCEPTABLE("not-acceptable", "No acceptable representation", HttpStatus.NOT_ACCEPTABLE,
            "None of the media types in Accept can be produced."),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", HttpStatus.PAYLOAD_TOO_LARGE,
            "The request body is larger than allowed."),
    RATE_LIMITED("rate-limited", "Too many requests", HttpStatus.TOO_MANY_REQUESTS,
            "Too many requests. Try again after the time given in Retry-After."),
    HEADERS_TOO_LARGE("headers-too-large", "The request headers are too large",
            HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request headers are larger than allowed."),
    URI_TOO_LONG("uri-too-long", "The request target is too long", HttpStatus.URI_TOO_LONG,
            "The request target (path and query) is longer than allowed."),
    REQUEST_TIMEOUT("request-timeout", "The request was not received in time", HttpStatus.REQUEST_TIMEOUT,
            "The request body did not arrive in time."),
    MALFORMED_BODY("malformed-body", "The request body is malformed", HttpStatus.BAD_REQUEST,
            "The request body could not be read."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "The request body's media type is not supported."),
    UNAVAILABLE("unavailable", "Temporarily unavailable", HttpStatus.SERVICE_UNAVAILABLE,
            "The service behind this request cannot be reached right now. Try again shortly."),
    UPSTREAM_CONNECTION_LOST("upstream-connection-lost", "The connection to the service broke",
            HttpStatus.BAD_GATEWAY, "The connection to the service behind this request broke before it answered. "
                                    + "It may have carried the request out: retry a write with the same "
                                    + "Idempotency-Key."),
    UPSTREAM_TIMEOUT("upstream-timeout", "The service did not answer in time", HttpStatus.GATEWAY_TIMEOUT,
            "The service behind this request did not answer in time. It may still have carried the request out."),
    INTERNAL("internal", "Something went wrong on our side", HttpStatus.INTERNAL_SERVER_ERROR,
            "Something went wrong on our side. Quote the correlation id when you report it."),
    /** Any other client error; the answer keeps the error's own status. */
    OTHER("http-error", "The request failed", HttpStatus.BAD_REQUEST,
            "The request failed.");

    static final String BASE = "https://storyline.news/problems/";

    private final URI type;
    private final String title;
    private final HttpStatus status;
    private final String detail;

    ProblemKind(String slug, String title, HttpStatus status, String detail) {
        this.type = URI.create(BASE + slug);
        this.title = title;
        this.status = status;
        this.detail = detail;
    }

    URI type() {
        return type;
    }

    String title() {
        return title;
    }

    HttpStatus status() {
        return status;
    }

    /** A detail that is always safe to show: it names nothing behind the gateway. */
    String detail() {
        return detail;
    }

    /** The kind an error of this status belongs to when nothing more specific is known. */
    static ProblemKind forStatus(int status) {
        for (ProblemKind kind : values()) {
            if (kind != OTHER && kind != MALFORMED_BODY && kind.status.value() == status) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL : OTHER;
    }
}
