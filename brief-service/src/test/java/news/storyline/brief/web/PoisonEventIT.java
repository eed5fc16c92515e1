package news.storyline.brief.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event a read model cannot apply parks its story there, and only its story: every other story is projected,
 * the parked story's later events wait behind it, the admin API lists them and the metrics count them, and once the
 * cause is gone a retry applies them all, in order.
 */
@ServiceIT
@AutoConfigureObservability(tracing = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first counts every letter parked, the rebuild parks more
@Import({EventStoreWriter.class, PoisonEventIT.Poison.class})
class PoisonEventIT {

    private static final Editor EDITOR = Editor.of("editor");
    private static final Duration PARKED_WITHIN = Duration.ofSeconds(60);
    /** What issue 11 filed: an instant {@code Date.from} cannot hold. */
    private static final Instant FAR_FUTURE = Instant.parse("+300000000-01-01T00:00:00Z");

    @Autowired
    Api api;

    @Autowired
    EventStoreWriter store;

    @Autowired
    PoisonSwitch poison;

    @Autowired
    MeterRegistry meters;

    @Test
    @org.junit.jupiter.api.Order(1)
    void aPoisonEventParksItsStoryAndEveryOtherStoryGoesOn() {
        poison.poison("poisoned");
        store.append("poisoned", 0, filed("poisoned", Dateline.of("Пхенян")));
        store.append("far-future", 0, filed("far-future", new Dateline("Пхенян", FAR_FUTURE)));
        store.append("healthy-1", 0, filed("healthy-1", Dateline.of("Варна")));
        store.append("poisoned", 1, updated("poisoned", "Първа поправка"));
        store.append("healthy-2", 0, filed("healthy-2", Dateline.of("София")));
        store.append("healthy-2", 1, updated("healthy-2", "Поправено"));
        store.append("poisoned", 2, updated("poisoned", "Втора поправка"));
        store.append("healthy-1", 1, updated("healthy-1", "Поправено"));

        await().atMost(PARKED_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(version("healthy-1")).isEqualTo(2);
            assertThat(version("healthy-2")).isEqualTo(2);
            assertThat(parked("stories")).hasSize(4);
        });

        List<JsonNode> parked = parked("stories");
        JsonNode head = parked.stream().filter(letter -> letter.path("sequence").asText().equals("poisoned")).findFirst()
                              .orElseThrow();
        assertThat(head.path("group").asText()).isEqualTo("stories");
        assertThat(head.path("aggregateType").asText()).isEqualTo("Story");
        assertThat(head.path("aggregateSequence").asLong()).isZero();
        assertThat(head.path("eventType").asText()).isEqualTo("StoryFiledEvent");
        assertThat(head.path("position").isNumber()).isTrue();
        assertThat(head.path("cause").path("message").asText()).contains("poisoned on purpose");
        assertThat(head.path("since").asText()).isNotEmpty();
        assertThat(parked.stream().filter(letter -> letter.path("sequence").asText().equals("poisoned"))
                         .map(letter -> letter.path("aggregateSequence").asLong()))
                .as("the story's later events wait behind it, in order").containsExactly(0L, 1L, 2L);
        assertThat(parked.stream().filter(letter -> letter.path("sequence").asText().equals("far-future"))
                         .map(letter -> letter.path("cause").path("type").asText()))
                .containsExactly(IllegalArgumentException.class.getName());
        assertThat(api.get("/api/stories/poisoned").getStatusCode().value()).isEqualTo(404);
        assertThat(api.get("/api/stories/far-future").getStatusCode().value()).isEqualTo(404);

        assertThat(meters.get("storyline.read-models.dead-letters").tag("group", "stories").gauge().value())
                .isEqualTo(4);
        assertThat(meters.get("storyline.read-models.parked-sequences").tag("group", "stories").gauge().value())
                .isEqualTo(2);
        assertThat(meters.get("storyline.read-models.parked").tag("group", "stories").tag("reason", "failed")
                         .counter().count()).isEqualTo(2);
        assertThat(prometheus()).contains("storyline_read_models_dead_letters{application=\"brief-service\","
                                          + "group=\"stories\"} 4.0");

        poison.cure("poisoned");
        ResponseEntity<JsonNode> retried = api.post("/api/admin/dead-letters/stories/retry", null);
        assertThat(retried.getStatusCode().value()).isEqualTo(200);
        assertThat(retried.getBody().path("sequences").asInt()).isEqualTo(2);
        assertThat(retried.getBody().path("applied").asInt()).isEqualTo(1);
        assertThat(retried.getBody().path("stillParked").asInt()).as("the far-future dateline fails again")
                                                                .isEqualTo(1);
        assertThat(retried.getBody().path("remaining").asLong()).isEqualTo(1);

        JsonNode story = api.get("/api/stories/poisoned").getBody();
        assertThat(story.path("version").asLong()).isEqualTo(3);
        assertThat(story.path("headline").asText()).isEqualTo("Втора поправка");
        assertThat(parked("stories")).extracting(letter -> letter.path("sequence").asText())
                                     .containsExactly("far-future");
        assertThat(meters.get("storyline.read-models.dead-letters").tag("group", "stories").gauge().value())
                .isEqualTo(1);

        // A later event of a story no longer parked is projected as any other.
        store.append("poisoned", 3, updated("poisoned", "Трета поправка"));
        await().atMost(Duration.ofSeconds(10)).until(() -> version("poisoned") == 4);
    }

    /**
     * A rebuild's replay parks as the live processors do: the read model fails on events it applied before (as after
     * a faulty release), parks that story in the new generation, goes on with every other, and finishes; an event
     * the live processor had parked already is not parked twice.
     */
    @Test
    @org.junit.jupiter.api.Order(2)
    void aRebuildParksTheStoriesItCannotApplyAndFinishes() {
        store.append("rb-fine", 0, filed("rb-fine", Dateline.of("Варна")));
        store.append("rb-relapsed", 0, filed("rb-relapsed", Dateline.of("Пхенян")));
        store.append("rb-far-future", 0, filed("rb-far-future", new Dateline("Пхенян", FAR_FUTURE)));
        store.append("rb-relapsed", 1, updated("rb-relapsed", "Поправено"));
        store.append("rb-fine", 1, updated("rb-fine", "Поправено"));
        await().atMost(PARKED_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(version("rb-fine")).isEqualTo(2);
            assertThat(version("rb-relapsed")).isEqualTo(2);
            assertThat(parkedOf("rb-far-future")).hasSize(1);
        });

        poison.poison("rb-relapsed");
        ResponseEntity<JsonNode> started = api.post("/api/admin/rebuilds", null);
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        String rebuild = started.getHeaders().getLocation().toString();
        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                               .until(() -> api.get(rebuild).getBody(),
                                      state -> state.path("finishedAt").isTextual());

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("parked").asLong()).as("stories parked by the replay, among them rb-relapsed and "
                                                     + "rb-far-future").isGreaterThanOrEqualTo(2);
        assertThat(version("rb-fine")).isEqualTo(2);
        assertThat(api.get("/api/stories/rb-relapsed").getStatusCode().value()).isEqualTo(404);
        assertThat(parkedOf("rb-relapsed")).extracting(letter -> letter.path("aggregateSequence").asLong())
                                           .as("the failed event, then the story's later one").containsExactly(0L, 1L);
        assertThat(parkedOf("rb-relapsed").get(0).path("cause").path("message").asText())
                .contains("poisoned on purpose");
        assertThat(parkedOf("rb-far-future")).as("parked by the live processor, not again").hasSize(1);

        poison.cure("rb-relapsed");
        ResponseEntity<JsonNode> retried = api.post("/api/admin/dead-letters/stories/rb-relapsed/retry", null);
        assertThat(retried.getStatusCode().value()).isEqualTo(200);
        assertThat(retried.getBody().path("applied").asInt()).isEqualTo(1);
        JsonNode story = api.get("/api/stories/rb-relapsed").getBody();
        assertThat(story.path("version").asLong()).as("applied to the generation that serves now").isEqualTo(2);
        assertThat(story.path("headline").asText()).isEqualTo("Поправено");
    }

    @Test
    void refusesWhatItCannotListOrRetryWithProblems() {
        assertProblem(api.get("/api/admin/dead-letters?group=feed"), 400, "invalid-request", "group");
        assertProblem(api.get("/api/admin/dead-letters?limit=0"), 400, "invalid-request", "limit");
        assertProblem(api.get("/api/admin/dead-letters?limit=1000000"), 400, "invalid-request", "limit");
        assertProblem(api.get("/api/admin/dead-letters?limit=x"), 400, "invalid-request", null);
        assertProblem(api.post("/api/admin/dead-letters/feed/retry", null), 404, "not-found", null);
        assertProblem(api.post("/api/admin/dead-letters/stories/no-such-story/retry", null), 404, "not-found", null);
        ResponseEntity<JsonNode> nothing = api.get("/api/admin/dead-letters?group=briefs&limit=5");
        assertThat(nothing.getStatusCode().value()).isEqualTo(200);
        assertThat(nothing.getBody().path("deadLetters").isArray()).isTrue();
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, int status, String type, String field) {
        assertThat(answer.getStatusCode().value()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().path("type").asText()).endsWith("/problems/" + type);
        if (field != null) {
            assertThat(answer.getBody().path("field").asText()).isEqualTo(field);
        }
    }

    private List<JsonNode> parked(String group) {
        ResponseEntity<JsonNode> answer = api.get("/api/admin/dead-letters?group=" + group);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        List<JsonNode> letters = new ArrayList<>();
        answer.getBody().path("deadLetters").forEach(letters::add);
        return letters;
    }

    private List<JsonNode> parkedOf(String storyId) {
        return parked("stories").stream().filter(letter -> letter.path("sequence").asText().equals(storyId)).toList();
    }

    private long version(String storyId) {
        ResponseEntity<JsonNode> story = api.get("/api/stories/" + storyId);
        return story.getStatusCode().value() == 200 ? story.getBody().path("version").asLong() : 0;
    }

    private String prometheus() {
        return api.http().get().uri("/actuator/prometheus").retrieve().body(String.class);
    }

    private static StoryFiledEvent filed(String id, Dateline dateline) {
        return new StoryFiledEvent(id, "Заглавие: " + id, "Лийд.", "Текст.", dateline, "bg", "world", EDITOR,
                                   Instant.now());
    }

    private static StoryUpdatedEvent updated(String id, String headline) {
        return new StoryUpdatedEvent(id, headline, null, null, RevisionKind.CORRECTION, "Поправка", EDITOR,
                                     Instant.now());
    }

    /** Which stories' filings the stories read model cannot apply, for now. */
    static final class PoisonSwitch {

        private final Set<String> poisoned = ConcurrentHashMap.newKeySet();

        void poison(String storyId) {
            poisoned.add(storyId);
        }

        void cure(String storyId) {
            poisoned.remove(storyId);
        }

        boolean poisons(String storyId) {
            return poisoned.contains(storyId);
        }
    }

    /** A handler of the stories read model that fails, before the projection's own, on a poisoned filing. */
    @ProcessingGroup("stories")
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static final class PoisonedHandler {

        private final PoisonSwitch poison;

        PoisonedHandler(PoisonSwitch poison) {
            this.poison = poison;
        }

        @EventHandler
        void on(StoryFiledEvent event) {
            if (poison.poisons(event.storyId())) {
                throw new IllegalStateException("Story " + event.storyId() + " poisoned on purpose");
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Poison {

        @Bean
        PoisonSwitch poisonSwitch() {
            return new PoisonSwitch();
        }

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        PoisonedHandler poisonedHandler(PoisonSwitch poison) {
            return new PoisonedHandler(poison);
        }
    }
}
