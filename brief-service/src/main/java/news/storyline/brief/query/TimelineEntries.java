package news.storyline.brief.query;

import news.storyline.api.query.TimelineEntry;
import news.storyline.api.story.Dateline;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Timeline entries as the read model stores them: once per story, and once per thread the story belongs to. */
final class TimelineEntries {

    private TimelineEntries() {
    }

    /** The story's own entry for the event that brought it to {@code story.version()}. */
    static Document of(TimelineStory story, Instant at, String kind) {
        return new Document("_id", storyEntryId(story.storyId(), story.version()))
                .append("storyId", story.storyId())
                .append(InOrderUpdates.VERSION, story.version())
                .append("at", Date.from(at))
                .append("kind", kind)
                .append("headline", story.headline())
                .append("place", story.place())
                .append("attribution", Attributions.chainsToDocuments(story.attributions()));
    }

    /** A story's entry as it appears in one thread's timeline. Ids order entries of one instant stably. */
    static Document inThread(String thread, Document storyEntry) {
        Document entry = new Document(storyEntry);
        entry.put("_id", thread + "|" + storyEntry.getString("_id"));
        entry.put("thread", thread);
        return entry;
    }

    /** The id of the story's entry for the event that brought it to {@code version}, in {@code thread}. */
    static String idInThread(String thread, String storyId, long version) {
        return thread + "|" + storyEntryId(storyId, version);
    }

    static TimelineEntry view(Document entry) {
        return new TimelineEntry(entry.getDate("at").toInstant(),
                                 entry.getString("kind"),
                                 entry.getString("storyId"),
                                 entry.get(InOrderUpdates.VERSION, Number.class).longValue(),
                                 entry.getString("headline"),
                                 Dateline.of(entry.getString("place")),
                                 Attributions.chainsFromDocuments(entry.getList("attribution", Object.class, List.of())));
    }

    private static String storyEntryId(String storyId, long version) {
        return storyId + "|" + versionKey(version);
    }

    /** Zero-padded, so that the ids of one story's entries sort by version. */
    private static String versionKey(long version) {
        return String.format("%010d", version);
    }
}
