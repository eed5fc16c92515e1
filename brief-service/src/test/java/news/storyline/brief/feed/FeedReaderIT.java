package news.storyline.brief.feed;

import com.mongodb.client.MongoDatabase;
import news.storyline.testsupport.TestMongo;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pages of the feed against a real MongoDB database of their own: what each page holds and where the next starts. */
class FeedReaderIT {

    private static final String FILED = "news.storyline.story.filed.v1";
    private static final String LINKED = "news.storyline.story.linked.v1";

    private final MongoDatabase database = TestMongo.client().getDatabase(TestMongo.freshDatabaseName("feedreader"));
    private final FeedReader reader = new FeedReader(database);
    private final FeedDocuments documents = new FeedDocuments(database);
    private final Map<Long, String> cloudEvents = new HashMap<>();

    @Test
    void anEmptyFeedHasHeadZeroAndNoEntries() {
        assertThat(reader.head()).isZero();
        assertThat(reader.page(0, 10, FeedFilter.ALL)).isEqualTo(new FeedPage(List.of(), 0, 0));
    }

    @Test
    void readsInOrderOfPositionUpToALimit() {
        append(1, FILED, List.of());
        append(2, LINKED, List.of("talks"));
        append(3, FILED, List.of());

        FeedPage page = reader.page(0, 2, FeedFilter.ALL);

        assertThat(page.entries()).containsExactly(entry(1, FILED, List.of()), entry(2, LINKED, List.of("talks")));
        assertThat(page.next()).isEqualTo(2);
        assertThat(page.head()).isEqualTo(3);
        assertThat(reader.page(2, 2, FeedFilter.ALL).entries()).containsExactly(entry(3, FILED, List.of()));
    }

    /** A filtered page that is not full has looked at everything up to the head: the next page starts there. */
    @Test
    void aFilteredPageSaysHowFarItLooked() {
        append(1, FILED, List.of());
        append(2, LINKED, List.of("talks"));
        append(3, FILED, List.of());
        append(4, FILED, List.of("talks"));

        FeedPage linked = reader.page(0, 10, new FeedFilter(Set.of(LINKED), null));
        FeedPage talks = reader.page(0, 1, new FeedFilter(Set.of(), "talks"));
        FeedPage filedInTalks = reader.page(0, 10, new FeedFilter(Set.of(FILED), "talks"));

        assertThat(linked.entries()).extracting(FeedEntry::position).containsExactly(2L);
        assertThat(linked.next()).isEqualTo(4);
        assertThat(talks.entries()).extracting(FeedEntry::position).containsExactly(2L);
        assertThat(talks.next()).isEqualTo(2);
        assertThat(filedInTalks.entries()).extracting(FeedEntry::position).containsExactly(4L);
    }

    @Test
    void aPageAfterTheHeadKeepsItsPlace() {
        append(1, FILED, List.of());

        assertThat(reader.page(5, 10, FeedFilter.ALL)).isEqualTo(new FeedPage(List.of(), 5, 1));
    }

    @Test
    void refusesAnEmptyPage() {
        assertThatThrownBy(() -> reader.page(0, 0, FeedFilter.ALL)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The live streams filter the tailer's entries at hand with {@link FeedFilter#matches}; pages, in MongoDB. */
    @Test
    void aFilterChoosesAtHandAsTheReaderDoesInTheDatabase() {
        append(1, FILED, List.of());
        append(2, LINKED, List.of("talks"));
        append(3, FILED, List.of("talks", "other"));
        append(4, LINKED, List.of("other"));
        List<FeedEntry> all = reader.page(0, 10, FeedFilter.ALL).entries();
        FeedEntry linked = all.get(1);

        assertThat(FeedFilter.ALL.matches(linked)).isTrue();
        assertThat(new FeedFilter(Set.of(LINKED, FILED), "talks").matches(linked)).isTrue();
        assertThat(new FeedFilter(Set.of(FILED), null).matches(linked)).isFalse();
        assertThat(new FeedFilter(Set.of(), "other").matches(linked)).isFalse();
        for (FeedFilter filter : List.of(FeedFilter.ALL, new FeedFilter(Set.of(LINKED, FILED), "talks"),
                                         new FeedFilter(Set.of(FILED), null), new FeedFilter(Set.of(), "other"),
                                         new FeedFilter(Set.of(LINKED), "other"), new FeedFilter(Set.of(), "none"))) {
            assertThat(all.stream().filter(filter::matches).toList()).as(filter.toString())
                    .isEqualTo(reader.page(0, 10, filter).entries());
        }
    }

    private void append(long position, String ceType, List<String> threads) {
        cloudEvents.put(position, documents.insert(position, ceType, "story-" + position, 0, threads, "{}"));
    }

    /** The entry of what {@link #append} wrote at {@code position}. */
    private FeedEntry entry(long position, String ceType, List<String> threads) {
        return new FeedEntry(position, ceType, threads, cloudEvents.get(position), "story-" + position, 0);
    }
}
