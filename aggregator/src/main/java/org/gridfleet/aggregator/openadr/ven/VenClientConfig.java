package org.gridfleet.aggregator.openadr.ven;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How Gridfleet enrols as a VEN at a utility's VTN.
 *
 * @param vtnBaseUrl          the VTN's base URL, e.g. {@code https://vtn.utility.example/openadr3/3.0.1}
 * @param clientId            OAuth2 client id issued by the utility
 * @param clientSecret        OAuth2 client secret issued by the utility
 * @param venName             the VEN name Gridfleet enrols under
 * @param siteIds             Gridfleet sites enrolled as the VEN's resources (resourceName = site id)
 * @param pollInterval        how often programs and events are read
 * @param requestTimeout      per-request HTTP timeout
 * @param retryMaxAttempts    attempts per VTN call, including the first
 * @param retryBackoff        wait before the first retry; doubles per retry
 * @param breakerOpenDuration how long the circuit stays open after repeated failures
 */
public record VenClientConfig(String vtnBaseUrl, String clientId, String clientSecret, String venName,
                              List<String> siteIds, Duration pollInterval, Duration requestTimeout,
                              int retryMaxAttempts, Duration retryBackoff, Duration breakerOpenDuration) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(60);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_RETRY_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_BREAKER_OPEN_DURATION = Duration.ofSeconds(30);

    public VenClientConfig {
        Objects.requireNonNull(vtnBaseUrl, "vtnBaseUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(venName, "venName");
        siteIds = List.copyOf(siteIds);
        if (!vtnBaseUrl.startsWith("http://") && !vtnBaseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("vtnBaseUrl must be an absolute http(s) URL, but was " + vtnBaseUrl);
        }
        if (venName.isBlank() || venName.length() > 128) {
            throw new IllegalArgumentException("venName must have 1..128 characters, but was '" + venName + "'");
        }
        for (Duration d : List.of(pollInterval, requestTimeout, retryBackoff, breakerOpenDuration)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be > 0, but one was " + d);
            }
        }
        if (retryMaxAttempts < 1) {
            throw new IllegalArgumentException("retryMaxAttempts must be >= 1, but was " + retryMaxAttempts);
        }
    }

    public static VenClientConfig of(String vtnBaseUrl, String clientId, String clientSecret, String venName,
                                     List<String> siteIds) {
        return new VenClientConfig(vtnBaseUrl, clientId, clientSecret, venName, siteIds, DEFAULT_POLL_INTERVAL,
                DEFAULT_REQUEST_TIMEOUT, DEFAULT_RETRY_MAX_ATTEMPTS, DEFAULT_RETRY_BACKOFF, DEFAULT_BREAKER_OPEN_DURATION);
    }

    public VenClientConfig withRetry(int maxAttempts, Duration backoff) {
        return new VenClientConfig(vtnBaseUrl, clientId, clientSecret, venName, siteIds, pollInterval, requestTimeout,
                maxAttempts, backoff, breakerOpenDuration);
    }

    public VenClientConfig withPollInterval(Duration interval) {
        return new VenClientConfig(vtnBaseUrl, clientId, clientSecret, venName, siteIds, interval, requestTimeout,
                retryMaxAttempts, retryBackoff, breakerOpenDuration);
    }
}
