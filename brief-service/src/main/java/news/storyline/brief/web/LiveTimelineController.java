package news.storyline.brief.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import news.storyline.api.query.FindThreadQuery;
import news.storyline.api.query.ThreadSummary;
import news.storyline.brief.feed.FeedFilter;
import news.storyline.brief.live.LiveStreams;
import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.springframework.http.MediaType;
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
    @Operation(summary = "A thread's timeline as it happens, as Server-Sent Events",
               description = "Every event that concerns the thread, from its opening (or after a position) on, "
                             + "then live. id: the feed position; event: story.filed, story.updated, "
                             + "story.linked, story.unlinked, story.withdrawn, thread.renamed, thread.closed, ...; "
                             + "data: the timeline entry as the timeline shows it (for a thread's own event, the "
                             + "thread), or the CloudEvent when the timeline has not caught up within a bound.")
    @ApiResponse(responseCode = "200", description = "The stream",
                 content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE))
    ResponseEntity<SseEmitter> live(
            @PathVariable String slug,
            @Parameter(description = "The feed position to start after; 0 (the default) starts from the first event")
            @RequestParam(required = false) Long after,
            @Parameter(description = "The id of the last event a reconnecting client received; wins over after")
            @RequestHeader(name = LiveResponses.LAST_EVENT_ID, required = false) String lastEventId) {
        long start = LiveResponses.start(lastEventId, after);
        if (queries.askOptional(new FindThreadQuery(slug), ThreadSummary.class).isEmpty()) {
            throw new ErrorResponseException(ProblemType.NOT_FOUND.status(),
                                             Problems.of(ProblemType.NOT_FOUND, "No thread " + slug), null);
        }
        return responses.stream(streams.open(start, FeedFilter.thread(slug), event -> events.render(slug, event)));
    }
}
