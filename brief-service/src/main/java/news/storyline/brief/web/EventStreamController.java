package news.storyline.brief.web;

import news.storyline.api.query.QueryRefusedException;
import news.storyline.brief.live.EventFilter;
import news.storyline.brief.live.LiveStreams;
import news.storyline.brief.live.OutgoingEvent;
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
    ResponseEntity<SseEmitter> stream(@RequestParam(required = false) Long after,
                                      @RequestParam(required = false) List<String> type,
                                      @RequestParam(required = false) String thread,
                                      @RequestHeader(name = LiveResponses.LAST_EVENT_ID, required = false)
                                      String lastEventId) {
        long start = LiveResponses.start(lastEventId, after);
        Set<String> types = type == null ? Set.of() : Set.copyOf(type);
        types.stream().filter(known -> !KNOWN_TYPES.contains(known)).findFirst().ifPresent(unknown -> {
            throw new QueryRefusedException("type", "No event type " + unknown);
        });
        EventFilter filter = new EventFilter(types, thread);
        return responses.stream(streams.open(start, filter, event -> new OutgoingEvent(event.position(),
                                                                                        event.ceType(),
                                                                                        event.cloudEvent())));
    }

    private static final Set<String> KNOWN_TYPES = Set.of(
            "news.storyline.story.filed.v1", "news.storyline.story.updated.v1", "news.storyline.story.attributed.v1",
            "news.storyline.story.linked.v1", "news.storyline.story.unlinked.v1", "news.storyline.story.withdrawn.v1",
            "news.storyline.thread.opened.v1", "news.storyline.thread.renamed.v1", "news.storyline.thread.closed.v1");
}
