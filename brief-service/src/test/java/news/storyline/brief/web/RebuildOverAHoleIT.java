package news.storyline.brief.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A position handed out whose event never came (a commit that failed) is a hole the store's readers wait for until
 * the gap timeout (a minute here). A rebuild that reaches the head must not wait for it while nothing else is
 * written: it would only finish when the next event happened to move its stream on.
 */
@ServiceIT(properties = {"storyline.rebuilds.poll=100ms", "storyline.rebuilds.switch-refresh=200ms"})
@Import(EventStoreWriter.class)
class RebuildOverAHoleIT {

    private static final Duration WELL_WITHIN_THE_GAP_TIMEOUT = Duration.ofSeconds(20);

    @Autowired
    @Qualifier("storylineDatabase")
    MongoDatabase database;

    @Autowired
    Api api;

    @Autowired
    EventStoreWriter store;

    @Test
    void aPositionThatNeverGotItsEventDoesNotHoldTheRebuildBack() {
        file("before-the-hole");
        database.getCollection("counters").updateOne(Filters.eq("_id", "globalIndex"), Updates.inc("value", 1L));
        file("after-the-hole");
        await().atMost(Duration.ofSeconds(30))
               .until(() -> api.get("/api/stories/after-the-hole").getStatusCode().value() == 200);

        String rebuild = api.post("/api/admin/rebuilds", null).getHeaders().getLocation().toString();
        JsonNode done = await().atMost(WELL_WITHIN_THE_GAP_TIMEOUT).pollInterval(Duration.ofMillis(200))
                               .until(() -> api.get(rebuild).getBody(),
                                      status -> "DONE".equals(status.path("status").asText()));

        assertThat(done.path("generation").asLong()).isEqualTo(2);
        assertThat(database.getCollection("stories__g2").countDocuments()).isEqualTo(2);
    }

    private void file(String id) {
        store.story(id, new StoryFiledEvent(id, "Заглавие: " + id, "Лийд.", "Текст.", Dateline.of("Варна"), "bg",
                                            "world", Editor.of("editor"), Instant.now()));
    }
}
