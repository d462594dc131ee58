package org.gridfleet.aggregator.config;

import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Signed access tokens (JWT) of the API.
 *
 * @param signingKey    Base64 of at least 32 random bytes ({@code GRIDFLEET_AUTH_SIGNING_KEY}); when absent the
 *                      server generates one on first start and keeps it under {@code GRIDFLEET_HOME}
 * @param tokenLifetime how long a JWT from {@code POST /api/v1/auth/token} is accepted
 *                      ({@code GRIDFLEET_AUTH_TOKEN_LIFETIME}, ISO-8601, default 15 minutes)
 */
public record AuthConfig(Optional<String> signingKey, Duration tokenLifetime) {

    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofMinutes(15);
    public static final AuthConfig DEFAULT = new AuthConfig(Optional.empty(), DEFAULT_TOKEN_LIFETIME);
    private static final int MIN_KEY_BYTES = 32;

    public AuthConfig {
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new ConfigException("auth.tokenLifetime", tokenLifetime.toString(), "must be a positive duration");
        }
        signingKey.ifPresent(AuthConfig::checkKey);
    }

    private static void checkKey(String key) {
        String s = key.trim();
        int bytes;
        try {
            bytes = (s.contains("-") || s.contains("_") ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(s).length;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("auth.signingKey", "<hidden>", "is not Base64");
        }
        if (bytes < MIN_KEY_BYTES) {
            throw new ConfigException("auth.signingKey", "<hidden>",
                    "must decode to at least " + MIN_KEY_BYTES + " bytes, but had " + bytes);
        }
    }

    @Override
    public String toString() {
        return "AuthConfig[signingKey=" + (signingKey.isPresent() ? "<configured>" : "<generated>")
                + ", tokenLifetime=" + tokenLifetime + "]";
    }
}
