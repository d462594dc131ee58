package org.gridfleet.aggregator.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The OCPP gateway's listener and the charger directory's refresh.
 *
 * @param host               interface to bind
 * @param port               TCP port of {@code ws://host:port/ocpp/{chargerId}}, 0 picks a free one (tests)
 * @param callTimeoutMs      how long a CALL to a charger waits for its answer, ms
 * @param directoryRefreshMs how often registered chargers and vehicles are reloaded from the database, ms;
 *                           a charger registered through the API can connect after the next reload
 * @param tls                PEM certificate and key for {@code wss://} (OCPP security profile 2), or empty for ws
 */
public record OcppConfig(String host, int port, long callTimeoutMs, long directoryRefreshMs, Optional<TlsFiles> tls) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8887;
    public static final long DEFAULT_CALL_TIMEOUT_MS = 30_000;
    public static final long DEFAULT_DIRECTORY_REFRESH_MS = 30_000;
    public static final OcppConfig DEFAULT =
            new OcppConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_CALL_TIMEOUT_MS, DEFAULT_DIRECTORY_REFRESH_MS);

    /** Plain ws. */
    public OcppConfig(String host, int port, long callTimeoutMs, long directoryRefreshMs) {
        this(host, port, callTimeoutMs, directoryRefreshMs, Optional.empty());
    }

    public OcppConfig {
        if (host == null || host.isBlank()) {
            throw new ConfigException("ocpp.host", String.valueOf(host), "must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException("ocpp.port", String.valueOf(port), "must be in 0..65535");
        }
        if (callTimeoutMs < 1_000 || callTimeoutMs > 300_000) {
            throw new ConfigException("ocpp.callTimeoutMs", String.valueOf(callTimeoutMs), "must be in 1000..300000");
        }
        if (directoryRefreshMs < 100 || directoryRefreshMs > 3_600_000) {
            throw new ConfigException("ocpp.directoryRefreshMs", String.valueOf(directoryRefreshMs),
                    "must be in 100..3600000");
        }
        Objects.requireNonNull(tls, "tls");
    }

    public Duration callTimeout() {
        return Duration.ofMillis(callTimeoutMs);
    }

    public OcppConfig withPort(int newPort) {
        return new OcppConfig(host, newPort, callTimeoutMs, directoryRefreshMs, tls);
    }
}
