package org.gridfleet.aggregator.config;

import java.util.Objects;
import java.util.Optional;

/**
 * HTTP server settings.
 *
 * @param host          interface to bind
 * @param port          TCP port, 0 picks a free one (tests)
 * @param bodyLimitBytes largest accepted request body in bytes
 * @param tls           serve HTTPS with this certificate and key; empty serves plain HTTP
 */
public record HttpConfig(String host, int port, long bodyLimitBytes, Optional<TlsFiles> tls) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;
    public static final HttpConfig DEFAULT = new HttpConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_BODY_LIMIT_BYTES);

    public HttpConfig {
        if (host == null || host.isBlank()) {
            throw new ConfigException("http.host", String.valueOf(host), "must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException("http.port", String.valueOf(port), "must be in 0..65535");
        }
        if (bodyLimitBytes < 1024 || bodyLimitBytes > 64L * 1024 * 1024) {
            throw new ConfigException("http.bodyLimitBytes", String.valueOf(bodyLimitBytes),
                    "must be in 1024..67108864");
        }
        Objects.requireNonNull(tls, "tls");
    }

    /** Plain HTTP. */
    public HttpConfig(String host, int port, long bodyLimitBytes) {
        this(host, port, bodyLimitBytes, Optional.empty());
    }

    public HttpConfig withPort(int newPort) {
        return new HttpConfig(host, newPort, bodyLimitBytes, tls);
    }
}
