package news.storyline.brief.web;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import news.storyline.api.rules.ThreadSlug;
import news.storyline.brief.feed.CloudEventMapping;
import news.storyline.brief.feed.FeedEntry;
import news.storyline.brief.feed.FeedFilter;
import news.storyline.brief.feed.FeedPage;
import news.storyline.brief.feed.FeedReader;
import news.storyline.brief.feed.FeedVouch;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/**
 * The event feed in pages, for subscribers that catch up (and then follow the stream): every event once, in the
 * order of its permanent position, as a CloudEvent. The events are the feed's stored JSON, written out as they are.
 */
@RestController
@RequestMapping("/api/events")
class EventFeedController {

    private final FeedReader feed;
    private final FeedVouch vouch;

    EventFeedController(FeedReader feed, FeedVouch vouch) {
        this.feed = feed;
        this.vouch = vouch;
    }

    @GetMapping
    @Operation(summary = "The events after a position, as CloudEvents",
               description = "Every event once, in order of its position (1, 2, 3, ...; never reused or "
                             + "reordered). Pass the answer's next as after to read on: it is the last position "
                             + "examined, also when the filters passed it over. A page whose next equals its head "
                             + "has read everything there was. Should a check find the feed differs from the event "
                             + "store, it is served up to its last good position only, and a read after that "
                             + "position is a 503 with Retry-After until it is repaired.")
    @ApiResponse(responseCode = "200", description = "A page of events",
                 content = @Content(schema = @Schema(implementation = EventPage.class)))
    ResponseEntity<?> events(
            @Parameter(description = "The position to read after; 0 (the default) reads from the first event")
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @Parameter(description = "The most events in a page")
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @Parameter(description = "Only events of these CloudEvents types (repeat the parameter for several), "
                                     + "such as news.storyline.story.filed.v1")
            @RequestParam(name = "type", required = false) List<String> types,
            @Parameter(description = "Only events that concern this thread (its slug)")
            @RequestParam(required = false) @Pattern(regexp = ThreadSlug.PATTERN, message = ThreadSlug.FORM)
            @Size(max = ThreadSlug.MAX_LENGTH) String thread) {
        Set<String> wanted = types == null ? Set.of() : Set.copyOf(types);
        CloudEventMapping.requireKnown("type", wanted);
        // A field read while the feed is sound; past the last good position of an unsound one, a 503.
        vouch.requireServable(after);
        FeedPage page = feed.page(after, limit, new FeedFilter(wanted, thread));
        return ResponseEntity.ok(new EventPage(page.entries().stream().map(FeedEntry::cloudEvent).toList(),
                                               page.next(), page.head()));
    }

    @Schema(description = "A page of the event feed")
    record EventPage(
            @ArraySchema(schema = @Schema(type = "object", description = "A CloudEvent 1.0 in structured-mode JSON: "
                    + "specversion, id, source, type, time, subject, datacontenttype, data (the event), and the "
                    + "extensions position, correlationid, causationid and traceparent"))
            @JsonSerialize(contentUsing = RawJsonSerializer.class)
            List<String> events,
            @Schema(description = "The position to pass as after for the next page") long next,
            @Schema(description = "The highest position when the page was read") long head) {
    }
}
