package news.storyline.examples.subscriber;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a subscriber does with each event. It may see an event again after a crash (at least once), so it should
 * be idempotent: the CloudEvent's {@code id} (or {@code position}) tells a repeat.
 */
@FunctionalInterface
public interface EventHandler {

    /** Handles one CloudEvent; throwing stops the subscriber before the event counts as handled. */
    void handle(JsonNode cloudEvent) throws Exception;
}
