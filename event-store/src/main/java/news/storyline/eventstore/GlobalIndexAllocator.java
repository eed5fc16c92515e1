package news.storyline.eventstore;

/**
 * Hands out positions in the one global order of events. Positions are never handed out twice; a position whose
 * commit fails stays unused, which is why readers track gaps.
 */
@FunctionalInterface
public interface GlobalIndexAllocator {

    /**
     * Reserves {@code count} consecutive positions.
     *
     * @return the first of them
     */
    long allocate(int count);
}
