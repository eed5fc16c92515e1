package news.storyline.brief.webhook;

import java.time.Instant;

/**
 * One attempt to deliver an event: the receiver's status, or {@code null} and the error when it gave none.
 */
record Attempt(Integer status, String error, Instant at) {

    /** Only a 2xx answer counts: the receiver has the event. */
    boolean delivered() {
        return status != null && status >= 200 && status < 300;
    }
}
