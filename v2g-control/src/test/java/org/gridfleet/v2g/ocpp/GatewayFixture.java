package org.gridfleet.v2g.ocpp;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import org.gridfleet.v2g.charger.ChargerRecord;
import org.gridfleet.v2g.charger.InMemorySessions;
import org.gridfleet.v2g.charger.SessionMemory;
import org.gridfleet.v2g.charger.ChargerRecord.Admission;

/** Deploys one gateway on a free loopback port with a few registered chargers. */
final class GatewayFixture {
  static final String PASSWORD = "s3cret-Passw0rd";
  final InMemoryChargerDirectory directory = new InMemoryChargerDirectory();
  final RecordingPorts ports = new RecordingPorts();
  final ConnectionRegistry registry = new ConnectionRegistry();
  final RecordingMetrics metrics = new RecordingMetrics();
  /** Sessions kept beyond a connection; a test hands one fixture's to the next to stand for a restart. */
  SessionMemory sessions = new InMemorySessions();
  OcppServerVerticle verticle;

  GatewayFixture() {
    for (String id : new String[] {"cp-16", "cp-201", "cp-21", "cp-a", "cp-b"}) {
      directory.add(new ChargerRecord(id, id.startsWith("cp-a") || id.startsWith("cp-b") ? "small-site" : "site-1",
          Admission.ACCEPTED, true, 11, 1, 44, 4), PASSWORD);
    }
  }

  Future<Integer> deploy(Vertx vertx, int maxPerSite) {
    return deploy(vertx, OcppServerConfig.defaults("127.0.0.1", 0)
        .withCallTimeout(Duration.ofSeconds(5)).withMaxConnectionsPerSite(maxPerSite));
  }

  Future<Integer> deploy(Vertx vertx, OcppServerConfig config) {
    GatewayServices services = new GatewayServices(directory, ports, ports, ports, sessions, Clock.systemUTC());
    verticle = new OcppServerVerticle(config, services, registry, new OcppSchemas(), metrics);
    return vertx.deployVerticle(verticle).map(id -> verticle.actualPort());
  }
}
