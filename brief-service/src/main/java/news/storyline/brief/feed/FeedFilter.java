package news.storyline.brief.feed;

import java.util.Set;

/**
 * Which of the feed's events a consumer wants: those of any of {@code types} (all, when empty) that concern
 * {@code thread} (any, when null).
 */
public record FeedFilter(Set<String> types, String thread) {

    public static final FeedFilter ALL = new FeedFilter(Set.of(), null);

    public FeedFilter {
        types = Set.copyOf(types);
    }

    /** The events of one thread, of every type. */
    public static FeedFilter thread(String slug) {
        return new FeedFilter(Set.of(), slug);
    }

    /** For entries at hand (a live stream's): the same choice {@link FeedReader} makes in the database. */
    public boolean matches(FeedEntry entry) {
        return (types.isEmpty() || types.contains(entry.ceType()))
               && (thread == null || entry.threads().contains(thread));
    }
}
