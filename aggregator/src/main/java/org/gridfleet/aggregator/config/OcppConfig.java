package org.gridfleet.aggregator.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.gridfleet.v2g.ocpp.OcppServerConfig;

/**
 * The OCPP gateway's listener and the charger directory's refresh.
 *
 * @param host               interface to bind
 * @param port               TCP port of {@code ws://host:port/ocpp/{chargerId}}, 0 picks a free one (tests)
 * @param callTimeoutMs      how long a CALL to a charger waits for its answer, ms
 * @param directoryRefreshMs how often registered chargers and vehicles are reloaded from the database, ms;
 *                           a charger registered through the API can connect after the next reload
 * @param tls                PEM certificate and key for {@code wss://} (OCPP security profile 2), or empty for ws
 * @param maxMessageBytes    largest inbound OCPP-J message a charger may send, bytes; a larger one closes its
 *                           connection with WebSocket code 1009 (message too big)
 */
public record OcppConfig(String host, int port, long callTimeoutMs, long directoryRefreshMs, Optional<TlsFiles> tls,
                         int maxMessageBytes) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8887;
    public static final long DEFAULT_CALL_TIMEOUT_MS = 30_000;
    public static final long DEFAULT_DIRECTORY_REFRESH_MS = 30_000;
    public static final String MAX_MESSAGE_BYTES_KEY = "ocpp.maxMessageBytes";
    /** 64 KiB: far above any OCPP payload Gridfleet accepts. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = OcppServerConfig.DEFAULT_MAX_MESSAGE_BYTES;
    /** 16 MiB: beyond this one charger could hold a large share of the heap with a single message. */
    public static final int LARGEST_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    public static final OcppConfig DEFAULT =
            new OcppConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_CALL_TIMEOUT_MS, DEFAULT_DIRECTORY_REFRESH_MS);

    /** Plain ws, 64 KiB messages. */
    public OcppConfig(String host, int port, long callTimeoutMs, long directoryRefreshMs) {
        this(host, port, callTimeoutMs, directoryRefreshMs, Optional.empty(), DEFAULT_MAX_MESSAGE_BYTES);
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
        if (maxMessageBytes < OcppServerConfig.MIN_MAX_MESSAGE_BYTES || maxMessageBytes > LARGEST_MAX_MESSAGE_BYTES) {
            throw new ConfigException(MAX_MESSAGE_BYTES_KEY, String.valueOf(maxMessageBytes),
                    "must be in " + OcppServerConfig.MIN_MAX_MESSAGE_BYTES + ".." + LARGEST_MAX_MESSAGE_BYTES
                            + " (a BootNotification needs about 1 KiB)");
        }
    }

    public Duration callTimeout() {
        return Duration.ofMillis(callTimeoutMs);
    }

    public OcppConfig withPort(int newPort) {
        return new OcppConfig(host, newPort, callTimeoutMs, directoryRefreshMs, tls, maxMessageBytes);
    }

    /** The gateway's plain-ws settings from these keys (the rest are its defaults); TLS is added by the caller. */
    public OcppServerConfig serverConfig() {
        return OcppServerConfig.defaults(host, port).withCallTimeout(callTimeout())
                .withMaxMessageBytes(maxMessageBytes);
    }
}
