package org.gridfleet.aggregator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.gridfleet.aggregator.dispatch.SettableClock;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-28T12:00:00Z"));
    private final RateLimiter limiter = new RateLimiter(clock, 3, Duration.ofSeconds(30));

    @Test
    void acquireShouldAllowCapacityThenAskToWaitForOneRefillWhenBurstIsSpent() {
        // WHEN
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a")).as("attempt %d", i).isEmpty();
        }
        // THEN
        assertThat(limiter.acquire("a")).contains(Duration.ofSeconds(10));
        assertThat(limiter.blocked("a")).contains(Duration.ofSeconds(10));
        assertThat(limiter.acquire("b")).as("other keys keep their own budget").isEmpty();
    }

    @Test
    void acquireShouldAllowAgainWhenOneRefillPeriodSharePassed() {
        // GIVEN
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        // WHEN
        clock.advance(Duration.ofSeconds(10));
        // THEN
        assertThat(limiter.blocked("a")).isEmpty();
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).contains(Duration.ofSeconds(10));
    }

    @Test
    void blockedShouldBeEmptyWhenKeyWasNeverSeen() {
        assertThat(limiter.blocked("new")).isEmpty();
    }

    @Test
    void bucketsShouldBeForgottenWhenFullAgainAndTooManyKeysAreKnown() {
        // GIVEN far more keys than kept, each with one attempt taken
        for (int i = 0; i <= RateLimiter.MAX_KEYS; i++) {
            limiter.acquire("k" + i);
        }
        clock.advance(Duration.ofMinutes(1));
        // WHEN one more key arrives
        limiter.acquire("last");
        // THEN the refilled ones were dropped: a forgotten key starts with a full budget again
        assertThat(limiter.blocked("k0")).isEmpty();
        assertThat(limiter.size()).isEqualTo(1);
    }
}
