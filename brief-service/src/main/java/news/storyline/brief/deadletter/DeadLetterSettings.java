package news.storyline.brief.deadletter;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code storyline.dead-letters.*}: how a read model treats an event it cannot apply.
 *
 * @param attemptsBeforeParking how often a processor tries an event that fails (each time by retrying its batch)
 *                              before it parks the event's sequence; a database that cannot be reached never parks
 * @param collection            the collection the parked events are kept in, beside the event store
 * @param claim                 how long one retry holds a parked sequence against retries elsewhere
 * @param listLimit             the most parked events one listing shows
 */
@ConfigurationProperties("storyline.dead-letters")
public record DeadLetterSettings(int attemptsBeforeParking, String collection, Duration claim, int listLimit) {

    public DeadLetterSettings {
        if (attemptsBeforeParking < 1 || listLimit < 1) {
            throw new IllegalArgumentException(
                    "storyline.dead-letters: attempts-before-parking and list-limit must be positive");
        }
        if (collection == null || collection.isBlank() || claim == null || claim.isNegative() || claim.isZero()) {
            throw new IllegalArgumentException("storyline.dead-letters: collection and claim must be given");
        }
    }
}
