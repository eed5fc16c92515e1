package news.storyline.gateway;

/**
 * A token bucket: holds up to {@code capacity} tokens (the burst), refilled at {@code refillPerSecond}; each request
 * takes one. Not thread-safe; {@link RateLimits} guards it.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long refilledAt;

    TokenBucket(int capacity, double refillPerSecond, long now) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("A bucket needs a capacity of at least 1 and a positive refill rate");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /**
     * Takes a token if there is one.
     *
     * @param now {@link System#nanoTime()}, or a test's clock
     * @return 0 if a token was taken, else how many nanoseconds until the next one is there
     */
    long tryTake(long now) {
        tokens = Math.min(capacity, tokens + (now - refilledAt) * refillPerNano);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / refillPerNano);
    }
}
