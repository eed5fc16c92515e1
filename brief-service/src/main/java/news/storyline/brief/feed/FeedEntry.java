package news.storyline.brief.feed;

import java.util.List;

/**
 * One event of the feed.
 *
 * @param position   its dense, permanent position (1, 2, 3, ...)
 * @param ceType     its CloudEvents type, such as {@code news.storyline.story.filed.v1}
 * @param threads    the slugs of the threads it concerns
 * @param cloudEvent the event as CloudEvents structured-mode JSON on one line: serve it as it is
 */
public record FeedEntry(long position, String ceType, List<String> threads, String cloudEvent) {

    public FeedEntry {
        threads = List.copyOf(threads);
    }
}
