package news.storyline.brief.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * The one writer of one connection: catches up from the feed, then goes live, and ends with a cut-off when the
 * server ends the stream.
 * <p>
 * No gap and no repeat at the switch: the subscription was taken on the {@link FeedTailer} before this writer
 * reads the feed, so every event published before that is in the feed and the catch-up reads it, and every event
 * published since is in the subscription's buffer. The catch-up reads the feed, without holes, until a short
 * page; then the buffer is drained, skipping what the catch-up already covered (events come in position order,
 * so "covered" is "at or below the last position examined"). Should the buffer overflow during the catch-up, it
 * is emptied and the switch refused, and the catch-up reads on: what was dropped is in the feed too.
 */
final class StreamWriter implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StreamWriter.class);

    private final Subscription subscription;
    private final FeedSource feed;
    private final int page;
    private final Duration heartbeat;
    private final EventRendering rendering;
    private final EventSink sink;
    private final Runnable onEnd;
    private long examined;
    private long delivered;

    StreamWriter(Subscription subscription, long after, FeedSource feed, LiveSettings settings,
                 EventRendering rendering, EventSink sink, Runnable onEnd) {
        this.subscription = subscription;
        this.feed = feed;
        this.page = settings.page();
        this.heartbeat = settings.heartbeat();
        this.rendering = rendering;
        this.sink = sink;
        this.onEnd = onEnd;
        this.examined = after;
        this.delivered = after;
    }

    @Override
    public void run() {
        try {
            // Spring sends the status and headers with the first write; a gateway waiting for them would give up
            // on a quiet stream, so something goes at once.
            sink.heartbeat();
            catchUp();
            live();
        } catch (EventSink.Gone clientLeft) {
            // Nobody to tell; the stream ends below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The client reconnects with its Last-Event-ID and loses nothing; the cause is for the operators.
            log.warn("A live stream failed after position {}", delivered, e);
        } finally {
            onEnd.run();
        }
    }

    private void catchUp() throws EventSink.Gone {
        while (subscription.cutOffReason() == null) {
            List<FeedEvent> events = feed.after(examined, page);
            for (FeedEvent event : events) {
                deliverIfWanted(event);
            }
            if (events.size() < page && subscription.goLive()) {
                return;
            }
        }
    }

    private void live() throws EventSink.Gone, InterruptedException {
        while (true) {
            Subscription.Next next = subscription.next(heartbeat);
            if (next.cutOffReason() != null) {
                sink.sendCutOff(next.cutOffReason(), delivered);
                return;
            }
            if (next.idle()) {
                sink.heartbeat();
            } else if (next.event().position() > examined) {
                deliverIfWanted(next.event());
            }
        }
    }

    private void deliverIfWanted(FeedEvent event) throws EventSink.Gone {
        if (subscription.filter().test(event)) {
            sink.send(rendering.render(event));
            delivered = event.position();
        }
        examined = event.position();
    }
}
