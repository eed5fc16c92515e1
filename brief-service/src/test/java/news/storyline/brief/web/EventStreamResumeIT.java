package news.storyline.brief.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.testsupport.ServiceIT;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscriber that disconnects at random points and resumes with its {@code Last-Event-ID} while events are
 * appended to the event store ends with exactly the events in the store: each once, in the feed's order.
 */
@ServiceIT(properties = {"storyline.live.poll=50ms", "storyline.live.heartbeat=500ms"})
@Import(EventStoreWriter.class)
class EventStreamResumeIT {

    private static final int STORIES = 8;
    private static final int EVENTS_PER_STORY = 4;
    private static final Duration PROMPTLY = Duration.ofSeconds(20);
    private static final Editor EDITOR = Editor.of("editor");

    @Autowired
    EventStoreWriter writer;

    @LocalServerPort
    int port;

    @Test
    void aSubscriberThatDisconnectsAtRandomEndsWithExactlyTheEventsInTheStore() throws Exception {
        List<String> storyIds = new ArrayList<>();
        for (int n = 0; n < STORIES; n++) {
            storyIds.add(UUID.randomUUID().toString());
        }
        Thread appender = new Thread(() -> storyIds.forEach(this::fileAndRevise));
        appender.start();

        SseClient sse = new SseClient(port);
        Random random = new Random(20_260_301);
        int expected = STORIES * EVENTS_PER_STORY;
        List<Long> positions = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        try {
            while (eventIds.size() < expected) {
                HttpRequest.Builder request = sse.request("/api/events/stream");
                if (!positions.isEmpty()) {
                    request.header("Last-Event-ID", Long.toString(positions.get(positions.size() - 1)));
                }
                int readBeforeLeaving = Math.min(1 + random.nextInt(6), expected - eventIds.size());
                try (SseClient.Stream stream = sse.open(request).reading()) {
                    for (int n = 0; n < readBeforeLeaving; n++) {
                        SseClient.Message message = stream.next(PROMPTLY);
                        positions.add(message.position());
                        eventIds.add(new ObjectMapper().readTree(message.data()).get("id").asText());
                    }
                }
            }
        } finally {
            appender.join();
        }

        assertThat(positions).as("every position once, in order")
                             .containsExactlyElementsOf(range(1, expected));
        List<String> stored = new ArrayList<>();
        for (String storyId : storyIds) {
            List<String> ofStory = writer.readEvents(storyId).asStream().map(EventMessage::getIdentifier).toList();
            stored.addAll(ofStory);
            assertThat(eventIds).as("a story's events in their order").containsSubsequence(ofStory);
        }
        assertThat(eventIds).containsExactlyInAnyOrderElementsOf(stored);
    }

    private void fileAndRevise(String storyId) {
        writer.append(storyId, 0, new StoryFiledEvent(storyId, "Заглавие", "Лийд.", "Текст.", Dateline.of("София"),
                                                      "bg", null, EDITOR, Instant.now()));
        for (int version = 1; version < EVENTS_PER_STORY; version++) {
            writer.append(storyId, version, new StoryUpdatedEvent(storyId, "Заглавие " + version, null, null,
                                                                  RevisionKind.UPDATE, null, EDITOR, Instant.now()));
        }
    }

    private static List<Long> range(long from, long to) {
        List<Long> range = new ArrayList<>();
        for (long position = from; position <= to; position++) {
            range.add(position);
        }
        return range;
    }
}
