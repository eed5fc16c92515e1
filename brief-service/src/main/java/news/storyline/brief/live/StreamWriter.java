package news.storyline.brief.live;

import news.storyline.brief.feed.FeedEntry;
import news.storyline.brief.feed.FeedPage;
import news.storyline.brief.feed.FeedPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The one writer of one connection: catches up from the feed, then goes live, and ends with a cut-off when the
 * server ends the stream.
 * <p>
 * No gap and no repeat at the switch: the subscription was taken on the {@link FeedTailer} before this writer
 * reads the feed, so every event published before that is in the feed and the catch-up reads it, and every event
 * published since is in the subscription's buffer. The catch-up reads pages of the feed with the subscription's
 * filter, in the database, until a page that is not full (one that looked as far as the head it was read
 * against); then the buffer is drained, skipping what the catch-up already covered (events come in position
 * order, so "covered" is "at or below the last position examined", the page's {@link FeedPage#next()}). Should
 * the buffer overflow during the catch-up, it is emptied and the switch refused, and the catch-up reads on: what
 * was dropped is in the feed too.
 */
final class StreamWriter implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StreamWriter.class);

    private final Subscription subscription;
    private final FeedPages feed;
    private final int page;
    private final Duration heartbeat;
    private final EventRendering rendering;
    private final EventSink sink;
    private final Runnable onEnd;
    private long examined;
    private long delivered;

    StreamWriter(Subscription subscription, long after, FeedPages feed, LiveSettings settings,
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
            FeedPage read = feed.page(examined, page, subscription.filter());
            for (FeedEntry event : read.entries()) {
                deliver(event);
            }
            examined = read.next();
            if (read.entries().size() < page && subscription.goLive()) {
                return;
            }
        }
    }

    private void live() throws EventSink.Gone, InterruptedException {
        while (true) {
            Subscription.Next next = subscription.next(heartbeat);
            if (next.cutOffReason() != null) {
                sink.sendCutOff(next.cutOffReason(), Math.min(delivered, subscription.resumeAtMost()));
                return;
            }
            if (next.idle()) {
                sink.heartbeat();
            } else if (next.event().position() > examined) {
                deliver(next.event());
            }
        }
    }

    /** Only what the subscription's filter wants comes here: the catch-up's pages and the buffer are filtered. */
    private void deliver(FeedEntry event) throws EventSink.Gone {
        sink.send(rendering.render(event));
        delivered = event.position();
        examined = event.position();
    }
}
