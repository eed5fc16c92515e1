package news.storyline.brief.webhook;

/**
 * What an admin's redelivery of a dead letter came to: {@code delivered} (and the dead letter removed), or not
 * (and the dead letter keeps the new failure).
 */
public record Redelivery(long position, boolean delivered, Integer status, String error) {
}
