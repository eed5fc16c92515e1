package news.storyline.brief.deadletter;

/**
 * What an admin's retry of parked events came to.
 *
 * @param group       the processing group
 * @param sequences   the parked sequences (stories) tried
 * @param applied     those applied whole: every parked event of the story, in order, and the story goes on
 * @param stillParked those whose first parked event failed again (or another instance was retrying them)
 * @param remaining   the events the group still has parked
 */
public record RetryOutcome(String group, int sequences, int applied, int stillParked, long remaining) {
}
