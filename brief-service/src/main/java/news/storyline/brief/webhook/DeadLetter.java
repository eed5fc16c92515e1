package news.storyline.brief.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/**
 * An event a webhook's receiver did not accept after every attempt. Delivery went on with the next event; this
 * one waits here until it is redelivered.
 *
 * @param status     the receiver's last HTTP status; {@code null} when there was no answer
 * @param error      what went wrong with the last attempt
 * @param cloudEvent the body to send, exactly as the feed stores it
 */
public record DeadLetter(String webhookId, long position, String type, int attempts, Integer status, String error,
                         Instant lastAttemptAt, @JsonIgnore String cloudEvent) {
}
