package news.storyline.brief.query;

import com.mongodb.client.MongoDatabase;
import news.storyline.testsupport.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A thread's summary changed directly, as a handler that failed half-way and ran again would change it. */
class ThreadSummariesIT {

    private static final Instant AT = Instant.parse("2026-03-09T08:00:00Z");

    private final MongoDatabase database = TestMongo.client().getDatabase(TestMongo.freshDatabaseName("summaries"));
    private final ThreadSummaries summaries = new ThreadSummaries(database, database.getCollection("entries"));

    @Test
    void aChangeMadeAgainUnderItsKeyCountsOnce() {
        summaries.storyJoined("talks", "kim|2", 2, AT, AT.plusSeconds(60));
        summaries.storyJoined("talks", "kim|2", 2, AT, AT.plusSeconds(60));
        summaries.applied("talks", "kim|2");
        summaries.entryAdded("talks", "kim|3", AT.plusSeconds(120));
        summaries.entryAdded("talks", "kim|3", AT.plusSeconds(120));
        summaries.applied("talks", "kim|3");

        Document summary = summaries.find("talks").orElseThrow();
        assertThat(ThreadSummaries.stories(summary)).isEqualTo(1);
        assertThat(ThreadSummaries.entries(summary)).isEqualTo(3);
        assertThat(ThreadSummaries.first(summary)).isEqualTo(AT);
        assertThat(ThreadSummaries.last(summary)).isEqualTo(AT.plusSeconds(120));
        assertThat(summary.getList("applying", String.class)).as("every key let go").isEmpty();
    }

    @Test
    void changesOfDifferentStoriesAllCount() {
        summaries.storyJoined("talks", "kim|2", 2, AT, AT);
        summaries.storyJoined("talks", "kremlin|3", 3, AT, AT);

        assertThat(ThreadSummaries.entries(summaries.find("talks").orElseThrow())).isEqualTo(5);
    }
}
