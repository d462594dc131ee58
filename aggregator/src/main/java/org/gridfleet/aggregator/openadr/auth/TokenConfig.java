package org.gridfleet.aggregator.openadr.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * Token issuing settings.
 *
 * @param tokenLifetime     how long an access token is accepted after issue
 * @param pbkdf2Iterations  PBKDF2 work factor for client secrets (tests may lower it)
 */
public record TokenConfig(Duration tokenLifetime, int pbkdf2Iterations) {
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

    public TokenConfig {
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("tokenLifetime must be > 0, but was " + tokenLifetime);
        }
        if (pbkdf2Iterations < 1000) {
            throw new IllegalArgumentException("pbkdf2Iterations must be >= 1000, but was " + pbkdf2Iterations);
        }
    }

    public static TokenConfig ofDefaults() {
        return new TokenConfig(DEFAULT_TOKEN_LIFETIME, SecretHasher.DEFAULT_ITERATIONS);
    }
}
