package news.storyline.brief.web;

import news.storyline.api.query.FindThreadQuery;
import news.storyline.api.query.ThreadSummary;
import news.storyline.brief.live.EventFilter;
import news.storyline.brief.live.LiveStreams;
import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A thread's timeline as it happens, for dashboards: every event that concerns the thread, from the feed, as
 * Server-Sent Events whose {@code id} is the feed position, so that a reconnect with {@code Last-Event-ID} replays
 * what was missed and then goes live. See {@link LiveTimelineEvents} for what each event carries.
 */
@RestController
class LiveTimelineController {

    private final LiveStreams streams;
    private final LiveResponses responses;
    private final LiveTimelineEvents events;
    private final Queries queries;

    LiveTimelineController(LiveStreams streams, LiveResponses responses, LiveTimelineEvents events, Queries queries) {
        this.streams = streams;
        this.responses = responses;
        this.events = events;
        this.queries = queries;
    }

    @GetMapping("/api/threads/{slug}/live")
    ResponseEntity<SseEmitter> live(@PathVariable String slug,
                                    @RequestParam(required = false) Long after,
                                    @RequestHeader(name = LiveResponses.LAST_EVENT_ID, required = false)
                                    String lastEventId) {
        long start = LiveResponses.start(lastEventId, after);
        if (queries.askOptional(new FindThreadQuery(slug), ThreadSummary.class).isEmpty()) {
            throw new ErrorResponseException(ProblemType.NOT_FOUND.status(),
                                             Problems.of(ProblemType.NOT_FOUND, "No thread " + slug), null);
        }
        return responses.stream(streams.open(start, EventFilter.thread(slug), event -> events.render(slug, event)));
    }
}
