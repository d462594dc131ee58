package org.gridfleet.v2g.ocpp;

import java.time.Duration;
import java.util.Objects;

/**
 * Gateway settings.
 *
 * @param host                    interface to bind (e.g. "0.0.0.0", "127.0.0.1")
 * @param port                    TCP port; 0 picks a free one
 * @param callTimeout             how long an outbound CALL waits for its answer (checked every tenth of it, at
 *                                most every second)
 * @param pingInterval            WebSocket ping period
 * @param idleTimeout             close a connection that sent nothing (not even a pong) for this long
 * @param heartbeatInterval       interval returned in BootNotification
 * @param maxConnectionsPerSite   handshakes beyond this many live connections of one site are refused (503)
 * @param maxOfflineDuration      how long a dispatch profile outlives Gridfleet (2.1 maxOfflineDuration;
 *                                2.0.1/1.6 validTo, renewed at half-life while steered): after this long
 *                                without Gridfleet the charger drops to the TxDefaultProfile fallback
 * @param socDivergenceTolerance  flag a session when reported SoC change and metered energy differ by
 *                                more than this fraction of the battery (0.05 = 5 %)
 * @param tlsCertPemPath          PEM server certificate for security profile 2, or null for plain ws
 * @param tlsKeyPemPath           PEM private key for security profile 2, or null
 * @param tlsClientCaPemPath      PEM CA certificate(s) for security profile 3, or null: every charger must then
 *                                present a client certificate issued by one of them whose subject CN is its
 *                                charger id, which replaces HTTP Basic (needs the server certificate and key)
 * @param maxMessageBytes         largest inbound WebSocket message (and frame) in bytes; a charger
 *                                sending more is disconnected with close code 1009 (message too big)
 * @param validateOutbound        check every CALL Gridfleet builds against the official schema before sending
 *                                it (see {@link OutboundCheck}); inbound frames are always validated
 */
public record OcppServerConfig(
    String host,
    int port,
    Duration callTimeout,
    Duration pingInterval,
    Duration idleTimeout,
    Duration heartbeatInterval,
    int maxConnectionsPerSite,
    Duration maxOfflineDuration,
    double socDivergenceTolerance,
    String tlsCertPemPath,
    String tlsKeyPemPath,
    String tlsClientCaPemPath,
    int maxMessageBytes,
    boolean validateOutbound) {

  /** Default inbound message limit: 64 KiB, far above any OCPP payload Gridfleet accepts. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;
  /** Below this a BootNotification with a full charging station description no longer fits. */
  public static final int MIN_MAX_MESSAGE_BYTES = 1024;

  public OcppServerConfig {
    Objects.requireNonNull(host, "host");
    requirePositive(callTimeout, "callTimeout");
    requirePositive(pingInterval, "pingInterval");
    requirePositive(idleTimeout, "idleTimeout");
    requirePositive(heartbeatInterval, "heartbeatInterval");
    requirePositive(maxOfflineDuration, "maxOfflineDuration");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (maxConnectionsPerSite < 1) {
      throw new IllegalArgumentException("maxConnectionsPerSite must be >= 1");
    }
    if (!(socDivergenceTolerance > 0 && socDivergenceTolerance < 1)) {
      throw new IllegalArgumentException("socDivergenceTolerance must be in (0,1)");
    }
    if (maxMessageBytes < MIN_MAX_MESSAGE_BYTES) {
      throw new IllegalArgumentException(
          "maxMessageBytes must be >= " + MIN_MAX_MESSAGE_BYTES + ", was " + maxMessageBytes);
    }
    if ((tlsCertPemPath == null) != (tlsKeyPemPath == null)) {
      throw new IllegalArgumentException("tlsCertPemPath and tlsKeyPemPath go together");
    }
    if (tlsClientCaPemPath != null && tlsCertPemPath == null) {
      throw new IllegalArgumentException("tlsClientCaPemPath (profile 3) needs tlsCertPemPath and tlsKeyPemPath");
    }
  }

  /**
   * Defaults: 30 s call timeout, 30 s ping, 90 s idle, 300 s heartbeat, 500 per site, 60 s offline, 5 %,
   * 64 KiB messages, plain ws, outbound validation on.
   */
  public static OcppServerConfig defaults(String host, int port) {
    return new OcppServerConfig(host, port, Duration.ofSeconds(30), Duration.ofSeconds(30),
        Duration.ofSeconds(90), Duration.ofSeconds(300), 500, Duration.ofSeconds(60), 0.05, null, null,
        null, DEFAULT_MAX_MESSAGE_BYTES, true);
  }

  public OcppServerConfig withCallTimeout(Duration timeout) {
    return new OcppServerConfig(host, port, timeout, pingInterval, idleTimeout, heartbeatInterval,
        maxConnectionsPerSite, maxOfflineDuration, socDivergenceTolerance, tlsCertPemPath, tlsKeyPemPath,
        tlsClientCaPemPath, maxMessageBytes, validateOutbound);
  }

  public OcppServerConfig withMaxConnectionsPerSite(int max) {
    return new OcppServerConfig(host, port, callTimeout, pingInterval, idleTimeout, heartbeatInterval,
        max, maxOfflineDuration, socDivergenceTolerance, tlsCertPemPath, tlsKeyPemPath,
        tlsClientCaPemPath, maxMessageBytes, validateOutbound);
  }

  public OcppServerConfig withTls(String certPemPath, String keyPemPath) {
    return new OcppServerConfig(host, port, callTimeout, pingInterval, idleTimeout, heartbeatInterval,
        maxConnectionsPerSite, maxOfflineDuration, socDivergenceTolerance, certPemPath, keyPemPath,
        tlsClientCaPemPath, maxMessageBytes, validateOutbound);
  }

  /** Security profile 3: client certificates issued by the CA(s) in {@code caPemPath} (with TLS already set). */
  public OcppServerConfig withClientCertificates(String caPemPath) {
    return new OcppServerConfig(host, port, callTimeout, pingInterval, idleTimeout, heartbeatInterval,
        maxConnectionsPerSite, maxOfflineDuration, socDivergenceTolerance, tlsCertPemPath, tlsKeyPemPath,
        caPemPath, maxMessageBytes, validateOutbound);
  }

  public OcppServerConfig withMaxMessageBytes(int max) {
    return new OcppServerConfig(host, port, callTimeout, pingInterval, idleTimeout, heartbeatInterval,
        maxConnectionsPerSite, maxOfflineDuration, socDivergenceTolerance, tlsCertPemPath, tlsKeyPemPath,
        tlsClientCaPemPath, max, validateOutbound);
  }

  public OcppServerConfig withMaxOfflineDuration(Duration offline) {
    return new OcppServerConfig(host, port, callTimeout, pingInterval, idleTimeout, heartbeatInterval,
        maxConnectionsPerSite, offline, socDivergenceTolerance, tlsCertPemPath, tlsKeyPemPath,
        tlsClientCaPemPath, maxMessageBytes, validateOutbound);
  }

  /** Outbound schema validation on or off (inbound frames are always validated). */
  public OcppServerConfig withOutboundValidation(boolean on) {
    return new OcppServerConfig(host, port, callTimeout, pingInterval, idleTimeout, heartbeatInterval,
        maxConnectionsPerSite, maxOfflineDuration, socDivergenceTolerance, tlsCertPemPath, tlsKeyPemPath,
        tlsClientCaPemPath, maxMessageBytes, on);
  }

  public OcppServerConfig withKeepAlive(Duration ping, Duration idle) {
    return new OcppServerConfig(host, port, callTimeout, ping, idle, heartbeatInterval,
        maxConnectionsPerSite, maxOfflineDuration, socDivergenceTolerance, tlsCertPemPath, tlsKeyPemPath,
        tlsClientCaPemPath, maxMessageBytes, validateOutbound);
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be a positive duration");
    }
  }
}
