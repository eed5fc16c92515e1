package news.storyline.brief.feed;

import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.time.Duration;

/**
 * How far the feed may be served: everywhere while it is sound, up to its last good position once a check has found
 * a discrepancy, until a repair. Readers ({@link FeedReader}, and so the live streams and webhooks) look at one
 * volatile field per read; nothing more is checked per request.
 * <p>
 * Each change has a new {@link State#epoch()}, so that the live streams' tailer, which remembers how far it has
 * published, notices a limit or a repair at its next poll and goes back to the position given.
 */
@Component
public class FeedVouch {

    /** Serving is not limited. */
    public static final long EVERYWHERE = Long.MAX_VALUE;

    /**
     * @param upTo     the highest position served ({@link #EVERYWHERE} when the feed is sound)
     * @param rewindTo what a reader that has published further must go back to
     * @param epoch    counts the changes
     */
    public record State(long upTo, long rewindTo, long epoch) {
    }

    private volatile State state = new State(EVERYWHERE, EVERYWHERE, 0);
    private final Duration retryAfter;

    public FeedVouch(FeedCheckSettings settings) {
        this.retryAfter = settings.retryAfter();
    }

    /** A vouch that never limits: for readers built outside the application (tests). */
    public static FeedVouch unlimited() {
        return new FeedVouch(new FeedCheckSettings(false, Duration.ZERO, 1, 1, 0, Duration.ofSeconds(1)));
    }

    public State state() {
        return state;
    }

    /** The highest position that may be served. */
    public long upTo() {
        return state.upTo();
    }

    public boolean limited() {
        return state.upTo() != EVERYWHERE;
    }

    synchronized void limitTo(long lastGood) {
        state = new State(lastGood, lastGood, state.epoch() + 1);
    }

    /** A repair kept the entries up to {@code kept}; every entry is served again, after it rewritten. */
    synchronized void repaired(long kept) {
        state = new State(EVERYWHERE, kept, state.epoch() + 1);
    }

    /** Refuses a read after {@code after} when the feed cannot vouch for the next position. */
    public void requireServable(long after) {
        long upTo = state.upTo();
        if (after >= upTo && upTo != EVERYWHERE) {
            ErrorResponseException refusal = new ErrorResponseException(
                    ProblemType.UNAVAILABLE.status(),
                    Problems.of(ProblemType.UNAVAILABLE, "The feed is served up to position " + upTo + " only: a "
                            + "check found it differs from the event store after that, and it awaits a repair. "
                            + "Positions after " + upTo + " may change when it is repaired; retry later"),
                    null);
            refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
            throw refusal;
        }
    }
}
