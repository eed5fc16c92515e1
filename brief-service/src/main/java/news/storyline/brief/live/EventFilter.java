package news.storyline.brief.live;

import java.util.Set;

/**
 * Which feed events a stream wants.
 *
 * @param types  CloudEvents types; empty means every type
 * @param thread a thread's slug, or {@code null} for events of any thread or none
 */
public record EventFilter(Set<String> types, String thread) {

    public static final EventFilter EVERYTHING = new EventFilter(Set.of(), null);

    public EventFilter {
        types = Set.copyOf(types);
    }

    public static EventFilter thread(String slug) {
        return new EventFilter(Set.of(), slug);
    }

    public boolean test(FeedEvent event) {
        return (types.isEmpty() || types.contains(event.ceType()))
                && (thread == null || event.threads().contains(thread));
    }
}
