package news.storyline.brief.rebuild;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One rebuild of the read models, as an admin follows it.
 *
 * @param status   {@code REPLAYING} (filling the new generation while the old one serves), {@code SWITCHED}
 *                 (the new generation serves; the last events are being drained), {@code DONE} or {@code FAILED}
 * @param replayed how many events the rebuild has applied so far
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rebuild(String id, long generation, String status, long replayed, Instant startedAt,
                      Instant switchedAt, Instant finishedAt, String failure) {

    static Rebuild started(String id, long generation, Instant at) {
        return new Rebuild(id, generation, "REPLAYING", 0, at, null, null, null);
    }

    Rebuild replayed(long events) {
        return new Rebuild(id, generation, status, events, startedAt, switchedAt, finishedAt, failure);
    }

    Rebuild switched(Instant at) {
        return new Rebuild(id, generation, "SWITCHED", replayed, startedAt, at, finishedAt, failure);
    }

    Rebuild done(Instant at) {
        return new Rebuild(id, generation, "DONE", replayed, startedAt, switchedAt, at, failure);
    }

    Rebuild failed(Instant at, String reason) {
        return new Rebuild(id, generation, "FAILED", replayed, startedAt, switchedAt, at, reason);
    }

    boolean running() {
        return finishedAt == null;
    }
}
