package news.storyline.brief.web;

import news.storyline.api.query.QueryRefusedException;
import news.storyline.brief.live.LiveSettings;
import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Optional;

/**
 * What the live endpoints answer: the stream with the headers that keep proxies from holding it back, or a
 * problem before the stream starts. Problems are thrown, since a handler that returns a stream cannot return a
 * problem body instead.
 */
@Component
class LiveResponses {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    /** nginx and the gateways modelled on it buffer responses unless told not to. */
    private static final String ACCEL_BUFFERING = "X-Accel-Buffering";
    private static final String NO_MORE_STREAMS = "This instance cannot open another live stream now: it serves as "
            + "many as it may, or is starting or stopping; retry later";

    private final LiveSettings settings;

    LiveResponses(LiveSettings settings) {
        this.settings = settings;
    }

    ResponseEntity<SseEmitter> stream(Optional<SseEmitter> opened) {
        SseEmitter emitter = opened.orElseThrow(this::tooManyStreams);
        return ResponseEntity.ok()
                             .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                             .header(ACCEL_BUFFERING, "no")
                             .body(emitter);
    }

    /** Where a stream starts: after the {@code Last-Event-ID} a reconnecting client sends, else {@code after}. */
    static long start(String lastEventId, Long after) {
        if (lastEventId != null) {
            return position(LAST_EVENT_ID, lastEventId);
        }
        if (after == null) {
            return 0;
        }
        if (after < 0) {
            throw new QueryRefusedException("after", "after must be a position, 0 or more");
        }
        return after;
    }

    private static long position(String field, String value) {
        try {
            long position = Long.parseLong(value.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, like a negative one
        }
        throw new QueryRefusedException(field, field + " must be a position, 0 or more");
    }

    private ErrorResponseException tooManyStreams() {
        ErrorResponseException refusal = new ErrorResponseException(
                ProblemType.UNAVAILABLE.status(),
                Problems.of(ProblemType.UNAVAILABLE, NO_MORE_STREAMS),
                null);
        refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(settings.retryAfter().toSeconds()));
        return refusal;
    }
}
