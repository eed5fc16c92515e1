package news.storyline.brief.live;

/**
 * One SSE event as a stream sends it.
 *
 * @param id   the feed position, so that a reconnect's {@code Last-Event-ID} says where to go on from
 * @param name the SSE {@code event} field
 * @param data JSON on one line
 */
public record OutgoingEvent(long id, String name, String data) {
}
