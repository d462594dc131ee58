package org.gridfleet.aggregator.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.gridfleet.aggregator.auth.SigningKey;

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

    public AuthConfig {
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new ConfigException("auth.tokenLifetime", tokenLifetime.toString(), "must be a positive duration");
        }
        signingKey.ifPresent(AuthConfig::checkKey);
    }

    private static void checkKey(String key) {
        try {
            SigningKey.fromBase64(key);
        } catch (IllegalArgumentException e) {
            // the message never carries the key itself
            throw new ConfigException("auth.signingKey", "<hidden>", e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "AuthConfig[signingKey=" + (signingKey.isPresent() ? "<configured>" : "<generated>")
                + ", tokenLifetime=" + tokenLifetime + "]";
    }
}
