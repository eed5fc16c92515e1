package news.storyline.brief.live;

import news.storyline.brief.feed.FeedEntry;
import news.storyline.brief.feed.FeedFilter;
import news.storyline.brief.feed.FeedPage;
import news.storyline.brief.feed.FeedPages;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/** A feed in memory for the tests of the live streams, paged as {@link news.storyline.brief.feed.FeedReader} pages. */
final class InMemoryFeed implements FeedPages {

    static final String FILED = "news.storyline.story.filed.v1";

    private final ConcurrentSkipListMap<Long, FeedEntry> documents = new ConcurrentSkipListMap<>();

    /** A story's filing at {@code position}, concerning {@code threads}. */
    static FeedEntry event(long position, String... threads) {
        return new FeedEntry(position, FILED, List.of(threads), "{\"position\":" + position + "}",
                             "story-" + position, 0);
    }

    FeedEntry add(long position, String... threads) {
        FeedEntry event = event(position, threads);
        documents.put(position, event);
        return event;
    }

    void addAll(long from, long to) {
        for (long position = from; position <= to; position++) {
            add(position);
        }
    }

    @Override
    public long head() {
        return documents.isEmpty() ? 0 : documents.lastKey();
    }

    @Override
    public FeedPage page(long after, int limit, FeedFilter filter) {
        long head = head();
        if (after >= head) {
            return new FeedPage(List.of(), after, head);
        }
        List<FeedEntry> entries = documents.subMap(after, false, head, true).values().stream()
                                           .filter(filter::matches).limit(limit).toList();
        boolean full = entries.size() == limit;
        return new FeedPage(entries, full ? entries.get(entries.size() - 1).position() : head, head);
    }
}
