package news.storyline.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per token subject, in memory, at most {@code maxSubjects} of them (the least recently seen
 * is dropped first). Buckets belong to this gateway instance: behind a load balancer with n instances a subject may
 * make up to n times the configured rate.
 */
final class RateLimits {

    private final RateLimitProperties.Limit limit;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets;

    RateLimits(RateLimitProperties.Limit limit, int maxSubjects, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                return size() > maxSubjects;
            }
        };
    }

    /** @return 0 if the subject may go ahead, else the nanoseconds until it may */
    synchronized long tryTake(String subject) {
        long now = nanoTime.getAsLong();
        return buckets.computeIfAbsent(subject,
                s -> new TokenBucket(limit.capacity(), limit.refillPerSecond(), now)).tryTake(now);
    }
}
