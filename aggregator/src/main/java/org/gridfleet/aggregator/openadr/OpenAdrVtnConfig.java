package org.gridfleet.aggregator.openadr;

import java.time.Duration;
import java.util.Objects;
import org.gridfleet.aggregator.openadr.grid.ShedLevels;

/**
 * Settings of the OpenADR VTN face.
 *
 * @param publicBaseUrl      absolute URL the router is reachable at (e.g. {@code https://grid.example/openadr3}),
 *                           used to advertise the token URL at {@code /auth/server}
 * @param maxBodyBytes       request bodies above this are refused with 413
 * @param allowHttpCallbacks accept plain-http webhook callback URLs (loopback tests only; production needs https)
 * @param webhookMaxAttempts delivery attempts per notification, including the first
 * @param webhookBackoff     wait before the first retry; doubles per retry
 * @param webhookTimeout     per-attempt HTTP timeout
 * @param shedLevels         what SIMPLE levels 0..3 shed
 */
public record OpenAdrVtnConfig(String publicBaseUrl, long maxBodyBytes, boolean allowHttpCallbacks,
                               int webhookMaxAttempts, Duration webhookBackoff, Duration webhookTimeout,
                               ShedLevels shedLevels) {

    public static final long DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    public static final int DEFAULT_WEBHOOK_MAX_ATTEMPTS = 5;
    public static final Duration DEFAULT_WEBHOOK_BACKOFF = Duration.ofSeconds(1);
    /** The 3.1 Definitions ask for 10..30 s callback timeouts. */
    public static final Duration DEFAULT_WEBHOOK_TIMEOUT = Duration.ofSeconds(10);

    public OpenAdrVtnConfig {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(webhookBackoff, "webhookBackoff");
        Objects.requireNonNull(webhookTimeout, "webhookTimeout");
        Objects.requireNonNull(shedLevels, "shedLevels");
        if (!publicBaseUrl.startsWith("http://") && !publicBaseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("publicBaseUrl must be an absolute http(s) URL, but was " + publicBaseUrl);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 1024, but was " + maxBodyBytes);
        }
        if (webhookMaxAttempts < 1) {
            throw new IllegalArgumentException("webhookMaxAttempts must be >= 1, but was " + webhookMaxAttempts);
        }
        if (webhookBackoff.isNegative() || webhookBackoff.isZero() || webhookTimeout.isNegative() || webhookTimeout.isZero()) {
            throw new IllegalArgumentException("webhookBackoff and webhookTimeout must be > 0");
        }
    }

    public static OpenAdrVtnConfig ofDefaults(String publicBaseUrl) {
        return new OpenAdrVtnConfig(publicBaseUrl, DEFAULT_MAX_BODY_BYTES, false, DEFAULT_WEBHOOK_MAX_ATTEMPTS,
                DEFAULT_WEBHOOK_BACKOFF, DEFAULT_WEBHOOK_TIMEOUT, ShedLevels.ofDefaults());
    }

    public OpenAdrVtnConfig withAllowHttpCallbacks(boolean allow) {
        return new OpenAdrVtnConfig(publicBaseUrl, maxBodyBytes, allow, webhookMaxAttempts, webhookBackoff,
                webhookTimeout, shedLevels);
    }

    public OpenAdrVtnConfig withWebhookBackoff(Duration backoff) {
        return new OpenAdrVtnConfig(publicBaseUrl, maxBodyBytes, allowHttpCallbacks, webhookMaxAttempts, backoff,
                webhookTimeout, shedLevels);
    }

    public OpenAdrVtnConfig withShedLevels(ShedLevels levels) {
        return new OpenAdrVtnConfig(publicBaseUrl, maxBodyBytes, allowHttpCallbacks, webhookMaxAttempts, webhookBackoff,
                webhookTimeout, levels);
    }
}
