package news.storyline.brief.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the feed is checked against the event store ({@code storyline.feed.check.*}).
 *
 * @param onStartup  whether a check runs in the background once the service has started
 * @param startupWait how long that check waits for the feed's processor to run in this instance
 * @param window     how far (in entries) an event may sit from its place in the store's order before it is out of
 *                   order: a commit that lands late is handed out after events stored after it, so the feed's
 *                   order may differ from the store's by that much; also how many unmatched ids a check holds
 * @param batch      how many documents one read of the feed or the store takes
 * @param listed     how many discrepancies a report lists at most (all are counted)
 * @param retryAfter what a reader asking beyond the last good position is told to wait
 */
@ConfigurationProperties("storyline.feed.check")
public record FeedCheckSettings(@DefaultValue("true") boolean onStartup,
                                @DefaultValue("60s") Duration startupWait,
                                @DefaultValue("10000") int window,
                                @DefaultValue("1000") int batch,
                                @DefaultValue("1000") int listed,
                                @DefaultValue("30s") Duration retryAfter) {

    public FeedCheckSettings {
        if (window < 1 || batch < 1 || listed < 0) {
            throw new IllegalArgumentException("storyline.feed.check: window and batch must be 1 or more, listed 0 "
                                               + "or more");
        }
    }
}
