package news.storyline.brief.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.storyline.api.rules.ThreadSlug;
import news.storyline.brief.feed.CloudEventMapping;
import news.storyline.brief.feed.FeedFilter;
import news.storyline.brief.live.LiveStreams;
import news.storyline.brief.live.OutgoingEvent;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;
import java.util.Set;

/**
 * Every event, or those of some types or of one thread, as Server-Sent Events: the feed from a position on, then
 * live. Each event's {@code id} is its feed position, its {@code event} the CloudEvents type, its {@code data} the
 * stored CloudEvent.
 */
@RestController
class EventStreamController {

    private final LiveStreams streams;
    private final LiveResponses responses;

    EventStreamController(LiveStreams streams, LiveResponses responses) {
        this.streams = streams;
        this.responses = responses;
    }

    @GetMapping("/api/events/stream")
    @Operation(summary = "The events after a position, then live, as Server-Sent Events",
               description = "Catches up from the feed, then goes live, without a gap or a repeat. Each event: id "
                             + "its position, event its CloudEvents type, data the CloudEvent as JSON. A ': "
                             + "heartbeat' comment keeps an idle stream open. A client that falls too far behind "
                             + "gets a final 'cut-off' event, {\"reason\", \"resumeAfter\"}, and the stream ends; "
                             + "it reconnects with Last-Event-ID.")
    @ApiResponse(responseCode = "200", description = "The stream",
                 content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE))
    ResponseEntity<SseEmitter> stream(
            @Parameter(description = "The position to start after; 0 (the default) starts from the first event")
            @RequestParam(required = false) Long after,
            @Parameter(description = "Only events of these CloudEvents types (repeat the parameter for several)")
            @RequestParam(required = false) List<String> type,
            @Parameter(description = "Only events that concern this thread (its slug)")
            @RequestParam(required = false) @Pattern(regexp = ThreadSlug.PATTERN, message = ThreadSlug.FORM)
            @Size(max = ThreadSlug.MAX_LENGTH) String thread,
            @Parameter(description = "The id of the last event a reconnecting client received; wins over after")
            @RequestHeader(name = LiveResponses.LAST_EVENT_ID, required = false) String lastEventId) {
        long start = LiveResponses.start(lastEventId, after);
        Set<String> types = type == null ? Set.of() : Set.copyOf(type);
        CloudEventMapping.requireKnown("type", types);
        FeedFilter filter = new FeedFilter(types, thread);
        return responses.stream(streams.open(start, filter, event -> new OutgoingEvent(event.position(),
                                                                                        event.ceType(),
                                                                                        event.cloudEvent())));
    }
}
