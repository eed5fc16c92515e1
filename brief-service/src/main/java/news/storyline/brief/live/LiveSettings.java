package news.storyline.brief.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the live streams behave ({@code storyline.live.*}).
 *
 * @param poll           how often the tailer looks for new feed documents
 * @param heartbeat      how long a stream may stay silent before it sends a comment to keep proxies from closing it
 * @param buffer         how many events a live connection may fall behind before it is cut off
 * @param maxConnections how many streams one instance serves at once; more are refused with a 503
 * @param retryAfter     what a refused client is told to wait
 * @param page           how many feed documents one catch-up read takes
 * @param timelineWait   how long a live timeline waits for the timeline read model to show an event
 */
@ConfigurationProperties("storyline.live")
public record LiveSettings(@DefaultValue("150ms") Duration poll,
                           @DefaultValue("15s") Duration heartbeat,
                           @DefaultValue("1000") int buffer,
                           @DefaultValue("200") int maxConnections,
                           @DefaultValue("5s") Duration retryAfter,
                           @DefaultValue("500") int page,
                           @DefaultValue("2s") Duration timelineWait) {
}
