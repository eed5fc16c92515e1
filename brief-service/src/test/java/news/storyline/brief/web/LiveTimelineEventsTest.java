package news.storyline.brief.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import news.storyline.api.query.FindTimelineEntryQuery;
import news.storyline.api.query.TimelineEntry;
import news.storyline.api.story.Dateline;
import news.storyline.brief.feed.FeedEntry;
import news.storyline.brief.live.LiveSettings;
import news.storyline.brief.live.OutgoingEvent;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What a live timeline sends, with the read model answering through a stubbed query bus. */
class LiveTimelineEventsTest {

    private static final String CLOUD_EVENT = "{\"specversion\":\"1.0\",\"type\":\"news.storyline.story.updated.v1\"}";
    private static final FeedEntry UPDATED = new FeedEntry(42, "news.storyline.story.updated.v1", List.of("gaza"),
                                                           CLOUD_EVENT, "story-1", 2);

    private static final Duration TIMELINE_WAIT = Duration.ofMillis(100);

    private final QueryGateway gateway = mock(QueryGateway.class);
    private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
    private final LiveTimelineEvents events = new LiveTimelineEvents(
            new Queries(gateway), json,
            new LiveSettings(Duration.ofMillis(50), Duration.ofSeconds(15), 10, 10, Duration.ofSeconds(5), 10,
                             TIMELINE_WAIT),
            new Freshness(Duration.ofSeconds(3), Duration.ofMillis(10)));

    @Test
    void sendsTheTimelineEntryOfTheStoryVersionTheEventMade() throws Exception {
        TimelineEntry entry = new TimelineEntry(Instant.parse("2026-03-01T10:00:00Z"), "UPDATED", "story-1", 3,
                                                "Примирие", Dateline.of("Газа"), List.of());
        answerTimelineEntry(new FindTimelineEntryQuery("gaza", "story-1", 3), Optional.of(entry));

        OutgoingEvent sent = events.render("gaza", UPDATED);

        assertThat(sent.id()).isEqualTo(42);
        assertThat(sent.name()).isEqualTo("story.updated");
        assertThat(json.readTree(sent.data())).isEqualTo(json.readTree(json.writeValueAsString(entry)));
    }

    @Test
    void sendsTheCloudEventWhenTheTimelineDoesNotShowTheEventInTime() {
        FindTimelineEntryQuery query = new FindTimelineEntryQuery("gaza", "story-1", 3);
        answerTimelineEntry(query, Optional.empty());
        long start = System.nanoTime();

        OutgoingEvent sent = events.render("gaza", UPDATED);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited the timeline wait")
                                                                .isGreaterThanOrEqualTo(TIMELINE_WAIT);
        verify(gateway, atLeast(2)).query(eq(query), any(ResponseType.class));
        assertThat(sent.name()).isEqualTo("story.updated");
        assertThat(sent.data()).isEqualTo(CLOUD_EVENT);
    }

    @Test
    void namesEventsByTheirTypeWithoutPrefixOrVersion() {
        assertThat(LiveTimelineEvents.shortName("news.storyline.thread.closed.v1")).isEqualTo("thread.closed");
        assertThat(LiveTimelineEvents.shortName("news.storyline.story.withdrawn.v12")).isEqualTo("story.withdrawn");
    }

    @SuppressWarnings("unchecked")
    private void answerTimelineEntry(FindTimelineEntryQuery query, Optional<TimelineEntry> answer) {
        when(gateway.query(eq(query), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(answer));
    }
}
