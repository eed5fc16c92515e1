package news.storyline.gateway;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aFullBucketAllowsItsBurstThenSaysHowLongToWait() {
        TokenBucket bucket = new TokenBucket(3, 2, 0);
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isEqualTo(SECOND / 2);
        assertThat(bucket.tryTake(SECOND / 4)).isEqualTo(SECOND / 4);
        assertThat(bucket.tryTake(SECOND / 2)).isZero();
    }

    @Test
    void aQuietBucketRefillsToItsCapacityAndNoFurther() {
        TokenBucket bucket = new TokenBucket(2, 1, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);
        long later = 60 * SECOND;
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isPositive();
    }

    @Test
    void subjectsHaveTheirOwnBucketsAndTheLeastRecentlySeenIsForgottenFirst() {
        AtomicLong now = new AtomicLong();
        RateLimits limits = new RateLimits(new RateLimitProperties.Limit(1, 1), 2, now::get);
        assertThat(limits.tryTake("a")).isZero();
        assertThat(limits.tryTake("b")).isZero();
        assertThat(limits.tryTake("a")).isPositive();
        // A third subject pushes out b, the least recently seen; a stays limited.
        assertThat(limits.tryTake("c")).isZero();
        assertThat(limits.tryTake("a")).isPositive();
        assertThat(limits.tryTake("b")).as("forgotten, so full again").isZero();
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        assertThat(RetryAfter.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RetryAfter.seconds(Duration.ofMillis(4001))).isEqualTo(5);
        assertThat(RetryAfter.seconds(Duration.ofSeconds(5))).isEqualTo(5);
    }
}
