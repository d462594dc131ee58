package org.gridfleet.loadtest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The provisioner against a loopback stand-in of the fleet API that records what it is asked. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FleetProvisionerIT {
  private static final String ADMIN = "admin-token-0123456789";
  private static final String TENANT_TOKEN = "tenant-token-0123456789";

  private record Seen(String path, String bearer, JsonObject body) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private Vertx vertx;
  private HttpServer api;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    api = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      String bearer = req.getHeader("Authorization").substring("Bearer ".length());
      seen.add(new Seen(req.path(), bearer, body.length() == 0 ? new JsonObject() : body.toJsonObject()));
      JsonObject answer = req.path().endsWith("/tokens") ? new JsonObject().put("token", TENANT_TOKEN)
          : new JsonObject().put("id", UUID.randomUUID().toString());
      boolean taken = req.path().endsWith("/chargers") && body.toJsonObject().getString("id").endsWith("-3");
      req.response().setStatusCode(taken ? 409 : 201).end(taken ? "" : answer.encode());
    })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
  }

  @AfterEach
  void tearDown() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void provisionShouldRegisterSitesChargersAndMatchingVehiclesAsTheTenantWhenGivenTheAdminToken() throws Exception {
    // GIVEN five chargers of all versions, charger 3 already registered (409)
    SimulatorConfig config = SimulatorConfig.defaults(URI.create("ws://127.0.0.1:1/ocpp"), "p-",
        "simulated-charger-secret", 5).withMix(VersionMix.parse("ocpp2.1=1,ocpp2.0.1=1,ocpp1.6=1"));
    FleetProvisioner provisioner = new FleetProvisioner(vertx, URI.create("http://127.0.0.1:" + api.actualPort()));
    int registered;
    try (ChargerFleetSimulator fleet = new ChargerFleetSimulator(vertx, config, Clock.systemUTC())) {
      // WHEN provisioned in sites of two
      registered = provisioner.provision(fleet, ADMIN, 2, 11);
    } finally {
      provisioner.close();
    }

    // THEN the admin only creates the tenant and its token; the rest is done as the tenant
    assertThat(registered).isEqualTo(5);
    assertThat(seen).filteredOn(s -> s.bearer().equals(ADMIN)).extracting(Seen::path)
        .containsExactly("/api/v1/tenants", seen.get(1).path());
    assertThat(seen.get(1).path()).endsWith("/tokens");
    assertThat(seen).filteredOn(s -> s.path().equals("/api/v1/sites")).hasSize(3)
        .extracting(s -> s.body().getDouble("limitKw")).containsExactly(22.0, 22.0, 11.0);
    List<JsonObject> chargers = seen.stream().filter(s -> s.path().endsWith("/chargers")).map(Seen::body).toList();
    assertThat(chargers).hasSize(5).allSatisfy(c -> {
      assertThat(c.getString("password")).hasSizeGreaterThanOrEqualTo(16);
      assertThat(c.getBoolean("bidirectional")).isTrue();
    });
    assertThat(chargers).extracting(c -> c.getString("dischargeCapability"))
        .containsOnly("ocpp21", "ocpp201-vendor", "ocpp16-vendor");
    // every charger's vehicle presents the idToken the simulated EV uses in its transaction
    assertThat(seen).filteredOn(s -> s.path().endsWith("/vehicles")).extracting(s -> s.body().getString("idToken"))
        .containsExactlyInAnyOrder("EV-p-0", "EV-p-1", "EV-p-2", "EV-p-4");
    assertThat(seen).filteredOn(s -> !s.bearer().equals(ADMIN)).extracting(Seen::bearer).containsOnly(TENANT_TOKEN);
  }
}
