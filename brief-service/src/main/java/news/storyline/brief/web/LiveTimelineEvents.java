package news.storyline.brief.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.storyline.api.query.FindThreadQuery;
import news.storyline.api.query.FindTimelineEntryQuery;
import news.storyline.api.query.ThreadSummary;
import news.storyline.api.query.TimelineEntry;
import news.storyline.brief.feed.FeedEntry;
import news.storyline.brief.live.LiveSettings;
import news.storyline.brief.live.OutgoingEvent;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What a live timeline sends for a feed event of its thread: {@code event} is the short name of the event's type
 * ({@code story.filed}, {@code story.updated}, {@code thread.renamed}, ...), {@code data} what the read API shows —
 * for a story's event the timeline entry as {@code GET /api/threads/{slug}/timeline} shows it, for the thread's own
 * event the thread as {@code GET /api/threads/{slug}} shows it.
 * <p>
 * The feed and the timelines are projected by different processors, so the feed may be ahead. The entry is read
 * once the timeline shows it, waiting at most {@code storyline.live.timeline-wait}. Should it still be missing,
 * the stored CloudEvent is sent instead (recognisable by its {@code specversion}): the dashboard learns of the
 * event when it happens, with the facts of the event itself, rather than late or never; the next reload of the
 * timeline shows the entry. The wait runs on the connection's own writer, so it delays only that connection.
 * <p>
 * A story that joins the thread brings its earlier entries into the timeline; the stream sends the link (the
 * feed has no event for the copies), so a dashboard that shows the story's whole past reads the timeline then.
 */
@Component
class LiveTimelineEvents {

    private static final Pattern TYPE_DECORATION = Pattern.compile("^news\\.storyline\\.|\\.v\\d+$");

    private final Queries queries;
    private final ObjectMapper json;
    private final Duration maxWait;
    private final Freshness freshness;

    LiveTimelineEvents(Queries queries, ObjectMapper json, LiveSettings settings, Freshness freshness) {
        this.queries = queries;
        this.json = json;
        this.maxWait = settings.timelineWait();
        this.freshness = freshness;
    }

    OutgoingEvent render(String slug, FeedEntry event) {
        Optional<?> view = event.isStoryEvent()
                ? awaitFound(() -> queries.askOptional(
                        new FindTimelineEntryQuery(slug, event.aggregateId(), event.version()), TimelineEntry.class))
                : awaitFound(() -> queries.askOptional(new FindThreadQuery(slug), ThreadSummary.class)
                                          .filter(thread -> thread.version() >= event.version()));
        String data = view.map(this::write).orElse(event.cloudEvent());
        return new OutgoingEvent(event.position(), shortName(event.ceType()), data);
    }

    /** {@code news.storyline.story.filed.v1} is {@code story.filed}. */
    static String shortName(String ceType) {
        return TYPE_DECORATION.matcher(ceType).replaceAll("");
    }

    private <T> Optional<T> awaitFound(Supplier<Optional<T>> read) {
        return freshness.within(maxWait, read);
    }

    private String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
