package news.storyline.brief.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/** How many live streams are open, and how many were cut off and why. */
@Component
class LiveMetrics {

    private final AtomicInteger open = new AtomicInteger();
    private final MeterRegistry meters;

    LiveMetrics(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("storyline.live.streams", open, AtomicInteger::get)
             .description("Live streams (event stream and live timelines) open on this instance")
             .register(meters);
    }

    void opened() {
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    void cutOff(String reason) {
        Counter.builder("storyline.live.cutoffs")
               .description("Live streams this instance ended before the client did")
               .tag("reason", reason)
               .register(meters)
               .increment();
    }
}
