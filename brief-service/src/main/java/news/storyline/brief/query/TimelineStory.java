package news.storyline.brief.query;

import news.storyline.api.story.AttributionHop;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * What the timeline remembers of a story between its events: what an entry shows (headline, place, chains) and
 * which threads the story is linked to now.
 *
 * @param version the number of the story's events applied
 */
record TimelineStory(String storyId, long version, String headline, String place,
                     List<List<AttributionHop>> attributions, List<String> threads, boolean withdrawn) {

    static TimelineStory filed(String storyId, String headline, String place) {
        return new TimelineStory(storyId, 0, headline, place, List.of(), List.of(), false);
    }

    TimelineStory withHeadline(String newHeadline) {
        return new TimelineStory(storyId, version, newHeadline, place, attributions, threads, withdrawn);
    }

    TimelineStory withChain(List<AttributionHop> chain) {
        List<List<AttributionHop>> chains = new ArrayList<>(attributions);
        chains.add(List.copyOf(chain));
        return new TimelineStory(storyId, version, headline, place, chains, threads, withdrawn);
    }

    TimelineStory linkedTo(String thread) {
        List<String> linked = new ArrayList<>(threads);
        if (!linked.contains(thread)) {
            linked.add(thread);
        }
        return new TimelineStory(storyId, version, headline, place, attributions, linked, withdrawn);
    }

    TimelineStory unlinkedFrom(String thread) {
        List<String> linked = new ArrayList<>(threads);
        linked.remove(thread);
        return new TimelineStory(storyId, version, headline, place, attributions, linked, withdrawn);
    }

    /** A withdrawn story keeps its place in the timeline, not its text. */
    TimelineStory afterWithdrawal() {
        return new TimelineStory(storyId, version, null, place, attributions, threads, true);
    }

    TimelineStory atVersion(long newVersion) {
        return new TimelineStory(storyId, newVersion, headline, place, attributions, threads, withdrawn);
    }

    Document toDocument() {
        return new Document("_id", storyId)
                .append(InOrderUpdates.VERSION, version)
                .append("headline", headline)
                .append("place", place)
                .append("attributions", Attributions.chainsToDocuments(attributions))
                .append("threads", threads)
                .append("withdrawn", withdrawn);
    }

    static TimelineStory fromDocument(Document document) {
        return new TimelineStory(document.getString("_id"),
                                 document.get(InOrderUpdates.VERSION, Number.class).longValue(),
                                 document.getString("headline"),
                                 document.getString("place"),
                                 Attributions.chainsFromDocuments(document.getList("attributions", Object.class, List.of())),
                                 document.getList("threads", String.class, List.of()),
                                 document.getBoolean("withdrawn", false));
    }
}
