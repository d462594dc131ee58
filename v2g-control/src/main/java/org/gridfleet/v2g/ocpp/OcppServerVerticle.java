package org.gridfleet.v2g.ocpp;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.gridfleet.v2g.charger.ChargerRecord;

/**
 * The OCPP-J endpoint {@code ws(s)://host:port/ocpp/{chargerId}}. Refuses at the handshake: unknown
 * charger (404), missing/bad HTTP Basic credentials (401, security profile 1/2), no common subprotocol
 * (400), site at its connection limit (503). Deploy N instances sharing one {@link ConnectionRegistry}.
 */
public final class OcppServerVerticle extends VerticleBase {
  private static final String PATH_PREFIX = "/ocpp/";
  private static final String SUBPROTOCOL_HEADER = "Sec-WebSocket-Protocol";
  /** Pings go out in this many slices per ping interval, each connection in the slice its id hashes to. */
  private static final int PING_SLICES = 10;

  private final OcppServerConfig config;
  private final GatewayServices services;
  private final ConnectionRegistry registry;
  private final OcppSchemas schemas;
  private final GatewayMetrics metrics;
  private final List<ChargerConnection> owned = new ArrayList<>();
  /** One per instance: each instance is one event loop. */
  private OutboundCheck outbound;
  /** One per instance, like {@link #outbound}. */
  private final KnownAnswers answers = new KnownAnswers();
  /** The charger CALLs proven valid, one per instance like {@link #outbound}. */
  private ProvenShapes inbound;
  /** Gridfleet's answers to chargers' CALLs, checked like {@link #inbound}. */
  private ProvenShapes answersOut;
  private HttpServer server;
  private long pingTicks;

  public OcppServerVerticle(OcppServerConfig config, GatewayServices services,
      ConnectionRegistry registry, OcppSchemas schemas) {
    this(config, services, registry, schemas, GatewayMetrics.NOOP);
  }

  /** @param metrics per-frame operations metrics (connections by version, CALLs, CALLERRORs, round trips) */
  public OcppServerVerticle(OcppServerConfig config, GatewayServices services,
      ConnectionRegistry registry, OcppSchemas schemas, GatewayMetrics metrics) {
    this.config = config;
    this.services = services;
    this.registry = registry;
    this.schemas = schemas;
    this.metrics = java.util.Objects.requireNonNull(metrics, "metrics");
  }

  /** The bound port (useful when the config asked for port 0). */
  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> start() {
    outbound = new OutboundCheck(schemas, config.validateOutbound());
    inbound = new ProvenShapes(schemas, true);
    answersOut = new ProvenShapes(schemas, false);
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.host())
        .setPort(config.port())
        .setReadIdleTimeout((int) config.idleTimeout().toMillis())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setPerMessageWebSocketCompressionSupported(true)
        // Netty's own cap, a hard memory bound: above it the connection is cut unread. Between the
        // configured limit and this, TextMessageAssembler closes cleanly with 1009.
        .setMaxWebSocketFrameSize(2 * config.maxMessageBytes())
        .setMaxWebSocketMessageSize(2 * config.maxMessageBytes())
        .setWebSocketSubProtocols(Arrays.stream(OcppVersion.values()).map(OcppVersion::subprotocol).toList());
    if (config.tlsCertPemPath() != null) {
      options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
          .setCertPath(config.tlsCertPemPath()).setKeyPath(config.tlsKeyPemPath()));
    }
    if (config.tlsClientCaPemPath() != null) {
      // profile 3: TLS refuses a charger without a certificate from these CAs before any HTTP is read
      options.setClientAuth(ClientAuth.REQUIRED)
          .setTrustOptions(new PemTrustOptions().addCertPath(config.tlsClientCaPemPath()));
    }
    // a tenth of the connections per tenth of the interval: 10,000 pings at once would hold the event loop up
    // in front of a fan-out that comes in at the same moment
    vertx.setPeriodic(Math.max(1, config.pingInterval().toMillis() / PING_SLICES), t -> {
      int slice = (int) (pingTicks++ % PING_SLICES);
      owned.forEach(c -> {
        if (Math.floorMod(c.chargerId().hashCode(), PING_SLICES) == slice) {
          c.ping();
        }
      });
    });
    // one sweep instead of a timer per CALL: a CALL times out within a tenth of the timeout (at most 1 s) late
    vertx.setPeriodic(Math.max(10, Math.min(1_000, config.callTimeout().toMillis() / 10)), t -> {
      long now = System.nanoTime();
      owned.forEach(c -> c.expireOverdueCall(now));
    });
    // a quarter of the profile lifetime, so a renewal due at half-life goes out well before validTo
    vertx.setPeriodic(Math.max(1, config.maxOfflineDuration().toMillis() / 4),
        t -> owned.forEach(ChargerConnection::renewDueProfiles));
    server = vertx.createHttpServer(options)
        .webSocketHandshakeHandler(this::handshake)
        .webSocketHandler(this::connected);
    return server.listen();
  }

  private void handshake(ServerWebSocketHandshake handshake) {
    Optional<ChargerRecord> charger = chargerOf(handshake.path());
    if (charger.isEmpty()) {
      handshake.reject(404);
      return;
    }
    boolean identified = config.tlsClientCaPemPath() != null
        ? ClientCertificates.identifies(peerCertificates(handshake), charger.get().chargerId())
        : authenticated(charger.get().chargerId(), handshake.headers().get(HttpHeaders.AUTHORIZATION));
    if (!identified) {
      handshake.reject(401);
      return;
    }
    Optional<OcppVersion> version = OcppVersion.negotiate(handshake.headers().get(SUBPROTOCOL_HEADER));
    if (version.isEmpty()) {
      handshake.reject(400);
      return;
    }
    if (!registry.reserve(charger.get().siteId(), config.maxConnectionsPerSite())) {
      handshake.reject(503);
      return;
    }
    // Offer only our pick, so the handshake answers with our preference and not the station's order.
    handshake.headers().set(SUBPROTOCOL_HEADER, version.get().subprotocol());
    handshake.accept().onFailure(e -> registry.release(charger.get().siteId()));
  }

  private void connected(ServerWebSocket socket) {
    ChargerRecord charger = chargerOf(socket.path()).orElseThrow();
    OcppVersion version = OcppVersion.negotiate(socket.subProtocol()).orElseThrow();
    ChargerConnection connection =
        new ChargerConnection(vertx, socket, charger, version, schemas, outbound, inbound, answersOut, answers,
            services, config, metrics);
    metrics.connected(version);
    owned.add(connection);
    registry.register(connection);
    TextMessageAssembler assembler = new TextMessageAssembler(config.maxMessageBytes(),
        new TextMessageAssembler.Sink() {
          @Override
          public void message(String text) {
            connection.onText(text);
          }

          @Override
          public void refuse(short closeCode, String reason) {
            socket.close(closeCode, reason);
          }
        });
    socket.frameHandler(assembler::onFrame);
    socket.closeHandler(v -> {
      owned.remove(connection);
      registry.unregister(connection);
      registry.release(charger.siteId());
      metrics.disconnected(version);
      connection.onClosed();
    });
  }

  private Optional<ChargerRecord> chargerOf(String path) {
    if (path == null || !path.startsWith(PATH_PREFIX) || path.length() == PATH_PREFIX.length()) {
      return Optional.empty();
    }
    String id = path.substring(PATH_PREFIX.length());
    if (id.indexOf('/') >= 0) {
      return Optional.empty();
    }
    return services.directory().find(java.net.URLDecoder.decode(id, StandardCharsets.UTF_8));
  }

  private static List<Certificate> peerCertificates(ServerWebSocketHandshake handshake) {
    try {
      return handshake.peerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      return List.of();
    }
  }

  /** HTTP Basic with user = charger id (OCPP security profiles 1 and 2). */
  private boolean authenticated(String chargerId, String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(authorization.substring(6).trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    String credentials = new String(decoded, StandardCharsets.UTF_8);
    Arrays.fill(decoded, (byte) 0);
    int colon = credentials.indexOf(':');
    if (colon < 0 || !credentials.substring(0, colon).equals(chargerId)) {
      return false;
    }
    char[] password = credentials.substring(colon + 1).toCharArray();
    try {
      return services.directory().verifyPassword(chargerId, password);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
