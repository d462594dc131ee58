package org.gridfleet.aggregator.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (client address, caller): {@code capacity} attempts at once, refilled evenly over
 * {@code refillPeriod}. Keys whose bucket is full again are forgotten when the map grows past
 * {@value #MAX_KEYS}, so a flood of addresses cannot exhaust memory. Time comes from the injected clock.
 */
public final class RateLimiter {

    static final int MAX_KEYS = 10_000;

    private record Bucket(double tokens, long atNanos) {
    }

    private final Clock clock;
    private final int capacity;
    private final double tokensPerNano;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock, int capacity, Duration refillPeriod) {
        if (capacity < 1 || refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalArgumentException("capacity must be >= 1 and refillPeriod > 0");
        }
        this.clock = clock;
        this.capacity = capacity;
        this.tokensPerNano = (double) capacity / refillPeriod.toNanos();
    }

    /** Takes one attempt from {@code key}'s bucket; empty when allowed, else how long until the next one is. */
    public Optional<Duration> acquire(String key) {
        long now = nowNanos();
        boolean[] taken = new boolean[1];
        Bucket b = buckets.compute(key, (k, old) -> {
            double tokens = refilled(old, now);
            taken[0] = tokens >= 1;
            return new Bucket(taken[0] ? tokens - 1 : tokens, now);
        });
        evictIfCrowded(now);
        return taken[0] ? Optional.empty() : Optional.of(waitFor(b.tokens()));
    }

    /** Without taking an attempt: how long {@code key} must wait, or empty when it may go on. */
    public Optional<Duration> blocked(String key) {
        double tokens = refilled(buckets.get(key), nowNanos());
        return tokens >= 1 ? Optional.empty() : Optional.of(waitFor(tokens));
    }

    /** Keys currently remembered. */
    int size() {
        return buckets.size();
    }

    private double refilled(Bucket b, long now) {
        return b == null ? capacity : Math.min(capacity, b.tokens() + (now - b.atNanos()) * tokensPerNano);
    }

    private Duration waitFor(double tokens) {
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    private void evictIfCrowded(long now) {
        if (buckets.size() > MAX_KEYS) {
            buckets.entrySet().removeIf(e -> refilled(e.getValue(), now) >= capacity);
        }
    }

    private long nowNanos() {
        Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
