package news.storyline.brief.query;

import news.storyline.api.story.AttributionHop;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * What the timeline remembers of a story between its events: what an entry shows (headline, place, chains) and
 * when the story was linked to which thread, which is what {@code asOf} reads.
 *
 * @param version     the number of the story's events applied
 * @param memberships every time the story was linked to a thread, in the order it happened
 * @param firstAt     the time of its earliest entry, for the first activity of a thread it joins
 * @param lastAt      the time of its latest entry, for the last activity of a thread it joins
 */
record TimelineStory(String storyId, long version, String headline, String place,
                     List<List<AttributionHop>> attributions, List<Membership> memberships, boolean withdrawn,
                     Instant firstAt, Instant lastAt) {

    /**
     * A stay of the story in a thread: linked at {@code from}, unlinked at {@code until} (null while it stays).
     * It was in the thread at an instant {@code from <= t < until}, as the link and unlink events ordered it.
     */
    record Membership(String thread, Instant from, Instant until) {

        Document toDocument() {
            return new Document("from", Date.from(from)).append("until", until == null ? null : Date.from(until));
        }
    }

    static TimelineStory filed(String storyId, String headline, String place) {
        return new TimelineStory(storyId, 0, headline, place, List.of(), List.of(), false, null, null);
    }

    /** The threads the story is linked to now. */
    List<String> threads() {
        return memberships.stream().filter(stay -> stay.until() == null).map(Membership::thread).toList();
    }

    boolean isIn(String thread) {
        return threads().contains(thread);
    }

    /** The story's stays in {@code thread}, as each of its entries there carries them. */
    List<Document> staysIn(String thread) {
        return memberships.stream().filter(stay -> stay.thread().equals(thread)).map(Membership::toDocument).toList();
    }

    TimelineStory withHeadline(String newHeadline) {
        return new TimelineStory(storyId, version, newHeadline, place, attributions, memberships, withdrawn, firstAt, lastAt);
    }

    TimelineStory withChain(List<AttributionHop> chain) {
        List<List<AttributionHop>> chains = new ArrayList<>(attributions);
        chains.add(List.copyOf(chain));
        return new TimelineStory(storyId, version, headline, place, chains, memberships, withdrawn, firstAt, lastAt);
    }

    TimelineStory linkedTo(String thread, Instant at) {
        if (isIn(thread)) {
            return this;
        }
        List<Membership> stays = new ArrayList<>(memberships);
        stays.add(new Membership(thread, at, null));
        return new TimelineStory(storyId, version, headline, place, attributions, stays, withdrawn, firstAt, lastAt);
    }

    TimelineStory unlinkedFrom(String thread, Instant at) {
        List<Membership> stays = memberships.stream()
                                            .map(stay -> stay.thread().equals(thread) && stay.until() == null
                                                    ? new Membership(thread, stay.from(), at) : stay)
                                            .toList();
        return new TimelineStory(storyId, version, headline, place, attributions, stays, withdrawn, firstAt, lastAt);
    }

    /** A withdrawn story keeps its place in the timeline, not its text. */
    TimelineStory afterWithdrawal() {
        return new TimelineStory(storyId, version, null, place, attributions, memberships, true, firstAt, lastAt);
    }

    /** The story after its event at {@code at}, its {@code newVersion}-th. */
    TimelineStory after(long newVersion, Instant at) {
        return new TimelineStory(storyId, newVersion, headline, place, attributions, memberships, withdrawn,
                                 firstAt == null || at.isBefore(firstAt) ? at : firstAt,
                                 lastAt == null || at.isAfter(lastAt) ? at : lastAt);
    }

    Document toDocument() {
        return new Document("_id", storyId)
                .append(InOrderUpdates.VERSION, version)
                .append("headline", headline)
                .append("place", place)
                .append("attributions", Attributions.chainsToDocuments(attributions))
                .append("memberships", memberships.stream().map(stay -> stay.toDocument()
                                                                            .append("thread", stay.thread())).toList())
                .append("withdrawn", withdrawn)
                .append("firstAt", Date.from(firstAt))
                .append("lastAt", Date.from(lastAt));
    }

    static TimelineStory fromDocument(Document document) {
        return new TimelineStory(document.getString("_id"),
                                 document.get(InOrderUpdates.VERSION, Number.class).longValue(),
                                 document.getString("headline"),
                                 document.getString("place"),
                                 Attributions.chainsFromDocuments(document.getList("attributions", Object.class, List.of())),
                                 document.getList("memberships", Document.class, List.of()).stream()
                                         .map(TimelineStory::membership).toList(),
                                 document.getBoolean("withdrawn", false),
                                 document.getDate("firstAt").toInstant(),
                                 document.getDate("lastAt").toInstant());
    }

    private static Membership membership(Document document) {
        Date until = document.getDate("until");
        return new Membership(document.getString("thread"), document.getDate("from").toInstant(),
                              until == null ? null : until.toInstant());
    }
}
