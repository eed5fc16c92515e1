package news.storyline.systemtest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Waits, boundedly, until every given service reports UP. All of them are polled in one loop, so services that start
 * in parallel are waited for in parallel, and a service that dies is reported at once instead of at the deadline.
 */
final class HealthWait {

    static final int LOG_LINES_IN_FAILURES = 40;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private HealthWait() {
    }

    static void untilHealthy(Collection<ServiceProcess> services, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ServiceProcess> pending = new ArrayList<>(services);
        while (!pending.isEmpty()) {
            for (ServiceProcess service : List.copyOf(pending)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(failure(service, "died before it became healthy: it "
                            + service.exitDescription()));
                }
                if (service.isHealthy()) {
                    pending.remove(service);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(pending.stream()
                        .map(service -> failure(service, "did not report UP at " + service.url()
                                + "/actuator/health within " + timeout.toSeconds() + " s"))
                        .collect(Collectors.joining(System.lineSeparator())));
            }
            sleep();
        }
    }

    private static String failure(ServiceProcess service, String what) {
        return service.name() + " " + what + "; log: " + service.log() + System.lineSeparator()
                + "--- last " + LOG_LINES_IN_FAILURES + " lines of " + service.name() + " ---" + System.lineSeparator()
                + service.tail(LOG_LINES_IN_FAILURES) + System.lineSeparator()
                + "--- end of " + service.name() + " ---";
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for services to start", e);
        }
    }
}
