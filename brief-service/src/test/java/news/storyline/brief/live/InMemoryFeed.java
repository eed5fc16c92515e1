package news.storyline.brief.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/** A feed in memory for the tests of the live streams: documents may be added out of order, as late inserts are. */
final class InMemoryFeed implements FeedSource {

    static final String FILED = "news.storyline.story.filed.v1";

    private final ConcurrentSkipListMap<Long, FeedEvent> documents = new ConcurrentSkipListMap<>();

    /** A story's filing at {@code position}, concerning {@code threads}. */
    static FeedEvent event(long position, String... threads) {
        return new FeedEvent(position, FILED, List.of(threads), "{\"position\":" + position + "}",
                             "story-" + position, 0);
    }

    FeedEvent add(long position, String... threads) {
        FeedEvent event = event(position, threads);
        documents.put(position, event);
        return event;
    }

    void addAll(long from, long to) {
        for (long position = from; position <= to; position++) {
            add(position);
        }
    }

    @Override
    public List<FeedEvent> after(long position, int limit) {
        List<FeedEvent> events = new ArrayList<>();
        long expected = position + 1;
        while (events.size() < limit && documents.containsKey(expected)) {
            events.add(documents.get(expected++));
        }
        return events;
    }

    @Override
    public long contiguousHead() {
        long head = 0;
        while (documents.containsKey(head + 1)) {
            head++;
        }
        return head;
    }
}
