package news.storyline.examples.subscriber;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * Follows the feed from the position saved in a {@link PositionFile}: hands each event to the {@link EventHandler}
 * in position order and saves its position right after, so that after a restart it goes on exactly after the last
 * event it handled. Only a crash between handling an event and saving its position hands that one event again
 * (at least once). When caught up it asks again every {@code pollInterval}; when the feed does not answer, it
 * waits longer after each failure; when the feed refuses its token, it stops with a {@link FeedRefusedException}.
 * It stops when its thread is interrupted, between events.
 */
public final class FeedSubscriber {

    private static final Logger log = Logger.getLogger(FeedSubscriber.class.getName());

    private final FeedClient feed;
    private final PositionFile positionFile;
    private final EventHandler handler;
    private final Duration pollInterval;
    private final Backoff backoff;

    public FeedSubscriber(FeedClient feed, PositionFile positionFile, EventHandler handler, Duration pollInterval,
                          Duration initialBackoff, Duration maxBackoff) {
        this.feed = feed;
        this.positionFile = positionFile;
        this.handler = handler;
        this.pollInterval = pollInterval;
        this.backoff = new Backoff(initialBackoff, maxBackoff);
    }

    /**
     * Runs until interrupted, then returns.
     *
     * @throws FeedRefusedException the feed refused the token (401, 403): it will not accept it on a retry either
     * @throws Exception             what the handler threw, or a position file that cannot be read or written; the
     *                               event concerned is not saved as handled
     */
    public void run() throws Exception {
        long position = positionFile.read();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                FeedPage page;
                try {
                    page = feed.after(position);
                    backoff.reset();
                } catch (FeedUnavailableException unavailable) {
                    log.warning(() -> "The feed is unavailable; trying again: " + unavailable.getMessage());
                    backoff.pause();
                    continue;
                }
                position = handle(page, position);
                if (page.caughtUp()) {
                    Thread.sleep(pollInterval.toMillis());
                }
            }
        } catch (InterruptedException stopped) {
            // Asked to stop: everything handled so far is saved.
            Thread.currentThread().interrupt();
        }
    }

    /** Handles the page's events and saves each one's position; answers the position to read after next. */
    private long handle(FeedPage page, long position) throws Exception {
        for (JsonNode event : page.events()) {
            if (Thread.currentThread().isInterrupted()) {
                return position;
            }
            handler.handle(event);
            position = event.get("position").asLong();
            positionFile.write(position);
        }
        // Events the page's filters skipped need not be read again.
        if (page.next() > position) {
            position = page.next();
            positionFile.write(position);
        }
        return position;
    }
}
