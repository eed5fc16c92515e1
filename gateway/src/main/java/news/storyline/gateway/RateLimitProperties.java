package news.storyline.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code storyline.rate-limits}: how many requests one token subject may make, reads and writes counted apart so
 * that a busy reader cannot use up an editor's writes, nor the reverse.
 *
 * @param maxSubjects how many subjects' buckets are kept; beyond that the least recently seen is forgotten (and
 *                    starts again with a full bucket), so memory stays bounded whatever the number of callers
 */
@ConfigurationProperties("storyline.rate-limits")
record RateLimitProperties(Limit reads, Limit writes, int maxSubjects) {

    /**
     * @param capacity        the burst: how many requests may come at once after a quiet spell
     * @param refillPerSecond the sustained rate
     */
    record Limit(int capacity, double refillPerSecond) {
    }
}
