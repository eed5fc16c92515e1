package news.storyline.brief.query;

import news.storyline.api.query.TimelineEntry;
import news.storyline.api.story.Dateline;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Timeline entries as the read model stores them: once per story, and once per thread the story belongs to.
 * <p>
 * An entry in a thread carries what a page is selected and ordered by, so that a page is one range of one index:
 * {@link #CURRENT} (its story is linked to the thread now), {@link #STAYS} (when its story was linked to the
 * thread, for {@code asOf}) and {@link #ORDER} (its time, then its id, as one string that sorts like the pair).
 */
final class TimelineEntries {

    static final String THREAD = "thread";
    static final String STORY_ID = "storyId";
    static final String CURRENT = "current";
    static final String STAYS = "stays";
    static final String ORDER = "order";
    static final String AT = "at";

    private TimelineEntries() {
    }

    /** The story's own entry for the event that brought it to {@code story.version()}. */
    static Document of(TimelineStory story, Instant at, String kind) {
        return new Document("_id", storyEntryId(story.storyId(), story.version()))
                .append(STORY_ID, story.storyId())
                .append(InOrderUpdates.VERSION, story.version())
                .append(AT, Date.from(at))
                .append("kind", kind)
                .append("headline", story.headline())
                .append("place", story.place())
                .append("attribution", Attributions.chainsToDocuments(story.attributions()));
    }

    /**
     * A story's entry as it appears in one thread's timeline, marked with the story's membership of the thread as
     * {@code story} stands. Ids order entries of one instant stably.
     */
    static Document inThread(String thread, Document storyEntry, TimelineStory story) {
        Document entry = new Document(storyEntry);
        String id = thread + "|" + storyEntry.getString("_id");
        entry.put("_id", id);
        entry.put(THREAD, thread);
        entry.put(CURRENT, story.isIn(thread));
        entry.put(STAYS, story.staysIn(thread));
        entry.put(ORDER, order(storyEntry.getDate(AT).toInstant(), id));
        return entry;
    }

    /** The id of the story's entry for the event that brought it to {@code version}, in {@code thread}. */
    static String idInThread(String thread, String storyId, long version) {
        return thread + "|" + storyEntryId(storyId, version);
    }

    /**
     * Newest first by {@link #ORDER} is newest first by time, then by id: the time as fixed-width epoch
     * milliseconds (event times are after 1970), then the id.
     */
    static String order(Instant at, String entryId) {
        return millis(at) + "|" + entryId;
    }

    /** Sorts after the order of every entry at or before {@code at}, and before any later one. */
    static String orderAfter(Instant at) {
        return millis(at.plusMillis(1));
    }

    static TimelineEntry view(Document entry) {
        return new TimelineEntry(entry.getDate(AT).toInstant(),
                                 entry.getString("kind"),
                                 entry.getString(STORY_ID),
                                 entry.get(InOrderUpdates.VERSION, Number.class).longValue(),
                                 entry.getString("headline"),
                                 Dateline.of(entry.getString("place")),
                                 Attributions.chainsFromDocuments(entry.getList("attribution", Object.class, List.of())));
    }

    private static String millis(Instant at) {
        return String.format("%015d", at.toEpochMilli());
    }

    private static String storyEntryId(String storyId, long version) {
        return storyId + "|" + versionKey(version);
    }

    /** Zero-padded, so that the ids of one story's entries sort by version. */
    private static String versionKey(long version) {
        return String.format("%010d", version);
    }
}
