package news.storyline.brief.rebuild;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One rebuild of the read models, as an admin follows it.
 *
 * @param status   {@code REPLAYING} (filling the new generation while the old one serves), {@code SWITCHED}
 *                 (the new generation serves; the last events are being drained), {@code DONE} or {@code FAILED}
 * @param replayed how many events the rebuild has applied so far
 * @param parked   stories (or threads) the replay parked in a read model, because an event of theirs failed there:
 *                 listed with the live processors' ({@code GET /api/admin/dead-letters}) and retried as they are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rebuild(String id, long generation, String status, long replayed, long parked, Instant startedAt,
                      Instant switchedAt, Instant finishedAt, String failure) {

    static Rebuild started(String id, long generation, Instant at) {
        return new Rebuild(id, generation, "REPLAYING", 0, 0, at, null, null, null);
    }

    Rebuild replayed(long events, long parkedSequences) {
        return new Rebuild(id, generation, status, events, parkedSequences, startedAt, switchedAt, finishedAt, failure);
    }

    Rebuild switched(Instant at) {
        return new Rebuild(id, generation, "SWITCHED", replayed, parked, startedAt, at, finishedAt, failure);
    }

    Rebuild done(Instant at) {
        return new Rebuild(id, generation, "DONE", replayed, parked, startedAt, switchedAt, at, failure);
    }

    Rebuild failed(Instant at, String reason) {
        return new Rebuild(id, generation, "FAILED", replayed, parked, startedAt, switchedAt, at, reason);
    }

    boolean running() {
        return finishedAt == null;
    }
}
