package org.gridfleet.loadtest.wire.harness;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.gridfleet.market.Product;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.live.MarketSignalFeed;
import org.gridfleet.v2g.charger.ChargerControl;
import org.gridfleet.v2g.charger.ChargerDirectory;
import org.gridfleet.v2g.charger.ChargerRecord;
import org.gridfleet.v2g.ocpp.ConnectionRegistry;
import org.gridfleet.v2g.ocpp.GatewayServices;
import org.gridfleet.v2g.ocpp.OcppSchemas;
import org.gridfleet.v2g.ocpp.OcppServerConfig;
import org.gridfleet.v2g.ocpp.OcppServerVerticle;

/**
 * A HARNESS, not Gridfleet: v2g-control's real OCPP gateway ({@link OcppServerVerticle}, full schema
 * validation) with in-memory seams, plus the market-adapters live signal feed whose samples fan out as setpoints
 * to every charger in session ({@link SignalFanOut}). Stands in for {@code gridfleet serve} until that mounts the
 * gateway and a live signal face; the simulator talks to it only over loopback WebSockets.
 */
public final class InProcessGateway {
  /** Product id of the signal stream: {@code /signals/pjm-regd/stream}. */
  public static final String REGD = "pjm-regd";

  private final Vertx vertx;
  private final ConnectionRegistry registry = new ConnectionRegistry();
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final LiveSessions sessions = new LiveSessions();
  private final SignalFanOut fanOut;
  private final int ocppPort;
  private final int signalPort;
  private final String host;

  private InProcessGateway(Vertx vertx, HarnessSettings settings) throws Exception {
    this.vertx = vertx;
    this.host = settings.host();
    this.fanOut = new SignalFanOut(registry, sessions, settings.maxPowerKw());
    this.ocppPort = settings.ocppPort() != 0 ? settings.ocppPort() : freePort(settings.host());
    OcppServerConfig config = OcppServerConfig.defaults(settings.host(), ocppPort)
        .withMaxConnectionsPerSite(settings.maxChargers()).withOutboundValidation(settings.validateOutbound());
    GatewayServices services = new GatewayServices(directory(settings), (token, ev) -> Optional.empty(),
        sessions, telemetry, Clock.systemUTC());
    OcppSchemas schemas = new OcppSchemas();
    vertx.deployVerticle(() -> new OcppServerVerticle(config, services, registry, schemas),
        new DeploymentOptions().setInstances(settings.instances())).await();
    Product regd = new Product(REGD, ProductKind.REGULATION, Duration.ofHours(1), Duration.ofSeconds(2), 0,
        Double.MAX_VALUE, true);
    MarketSignalFeed feed = new MarketSignalFeed(List.of(regd), fanOut, settings.host(), settings.signalPort());
    vertx.deployVerticle(feed).await();
    this.signalPort = feed.actualPort();
  }

  /** Deploys the gateway and the signal feed on {@code vertx}; blocks until both listen. */
  public static InProcessGateway start(Vertx vertx, HarnessSettings settings) throws Exception {
    return new InProcessGateway(vertx, settings);
  }

  /** The gateway's OCPP base URL, {@code ws://host:port/ocpp}. */
  public URI ocppUrl() {
    return URI.create("ws://" + host + ":" + ocppPort + "/ocpp");
  }

  /** The signal stream the replayer writes to. */
  public URI signalUrl() {
    return URI.create("ws://" + host + ":" + signalPort + "/signals/" + REGD + "/stream");
  }

  /** The control core's entry point: setpoints and limits per EVSE. */
  public ChargerControl control() {
    return registry;
  }

  /** Sends one setpoint to every EVSE in session, as the dispatch loop would; returns how many. */
  public int setpointForAll(double powerKw) {
    return fanOut.setAll(powerKw);
  }

  public RecordingTelemetry telemetry() {
    return telemetry;
  }

  public int connections() {
    return registry.size();
  }

  public int sessions() {
    return sessions.size();
  }

  public long signalSamples() {
    return fanOut.samples();
  }

  public Vertx vertx() {
    return vertx;
  }

  private static ChargerDirectory directory(HarnessSettings settings) {
    return new ChargerDirectory() {
      @Override
      public Optional<ChargerRecord> find(String chargerId) {
        return settings.registers(chargerId)
            ? Optional.of(new ChargerRecord(chargerId, "harness-site", ChargerRecord.Admission.ACCEPTED, true,
                settings.maxPowerKw(), 1, settings.maxPowerKw() * settings.maxChargers(), settings.maxChargers()))
            : Optional.empty();
      }

      @Override
      public boolean verifyPassword(String chargerId, char[] password) {
        return settings.password().equals(new String(password)); // hashing is not what is measured
      }
    };
  }

  /** Several verticle instances must share one concrete port, so port 0 is resolved here first. */
  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
