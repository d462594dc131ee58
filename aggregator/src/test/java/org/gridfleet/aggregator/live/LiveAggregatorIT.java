package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridfleet.aggregator.live.ServeFixture.PASSWORD;
import static org.gridfleet.aggregator.live.ServeFixture.created;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.gridfleet.aggregator.config.DatabaseConfig;
import org.gridfleet.aggregator.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code gridfleet serve} end to end through its public faces: a real server with its own embedded PostgreSQL,
 * the fleet registered through the HTTP API, OCPP 2.0.1 chargers over real WebSockets on loopback.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveAggregatorIT {

    private static final int CHARGERS = 4;
    private static final double SITE_LIMIT_KW = 40;
    /** limitKw less the default 5 % headroom. */
    private static final double USABLE_KW = SITE_LIMIT_KW * 0.95;
    private static final double CHARGER_KW = 11;

    private static ServeFixture serve;

    @BeforeAll
    static void start() throws Exception {
        serve = ServeFixture.start(Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    @Test
    void chargersShouldBeSteeredUnderTheSiteLimitAndVehiclesBelowTargetCharged() throws Exception {
        // GIVEN a 40 kW site with four 11 kW chargers and four vehicles that each want more than the site can give
        String owner = ownerToken("live-fleet");
        String site = created(post(owner, "/api/v1/sites", new JsonObject().put("name", "depot")
                .put("limitKw", SITE_LIMIT_KW)));
        String fleet = created(post(owner, "/api/v1/fleets", new JsonObject().put("name", "vans")));
        List<String> chargerIds = new ArrayList<>();
        for (int i = 1; i <= CHARGERS; i++) {
            created(post(owner, fleet + "/vehicles", TestServer.vehicleBody("van-" + i)
                    .put("batteryCapacityKwh", 60.0).put("maxChargeKw", CHARGER_KW).put("reserveSoc", 0.2)
                    .put("trips", new JsonArray()).put("chargingPreference", "guaranteed")
                    .put("v2g", new JsonObject().put("mode", "off")).put("idToken", "RFID-VAN-" + i)));
            chargerIds.add("LIVE-CP-" + i);
            created(post(owner, site + "/chargers", new JsonObject().put("id", "LIVE-CP-" + i)
                    .put("password", PASSWORD).put("maxPowerKw", CHARGER_KW).put("bidirectional", false)
                    .put("model", "SimEvse").put("dischargeCapability", "none")));
        }

        // WHEN the chargers connect, boot and plug in vehicles at 30 % needing 30 kWh within two hours
        List<SimulatedCharger> stations = new ArrayList<>();
        for (int i = 1; i <= CHARGERS; i++) {
            SimulatedCharger cp = serve.station("LIVE-CP-" + i);
            stations.add(cp);
            cp.plugIn("RFID-VAN-" + i, 30, Instant.now().plus(Duration.ofHours(2)), 30_000);
        }

        // THEN every charger gets a TxProfile that charges, and the site never carries more than its usable limit
        await(() -> serve.setpointsKw().size() == CHARGERS && serve.setpointsKw().values().stream().allMatch(kw -> kw > 0));
        for (int i = 0; i < CHARGERS; i++) {
            stations.get(i).meter(31, serve.setpointsKw().get(chargerIds.get(i)) * 1000);
        }
        Thread.sleep(1_000); // a few more ticks with the metered response in
        Map<String, Double> last = serve.setpointsKw();
        double total = last.values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(last.values()).allSatisfy(kw -> assertThat(kw).isPositive().isLessThanOrEqualTo(CHARGER_KW));
        assertThat(serve.highestTotalKw()).isLessThanOrEqualTo(USABLE_KW + 0.01);
        assertThat(total).as("all four want more than the site has, so the site's room is used")
                .isGreaterThan(USABLE_KW - 1);

        // AND telemetry rows landed: meter values, SoC, setpoints and their acknowledgements
        await(() -> rows("setpoint_acks", "accepted") >= CHARGERS);
        assertThat(rows("setpoints", "power_kw > 0")).isGreaterThanOrEqualTo(CHARGERS);
        assertThat(rows("meter_values", "power_kw > 0")).isGreaterThanOrEqualTo(CHARGERS);
        assertThat(rows("soc_readings", "soc >= 0.30")).isGreaterThanOrEqualTo(2L * CHARGERS);
        // AND each matched vehicle's plugged-in session is logged for the battery-health job
        await(() -> rows("vehicle_charging_sessions", "ended_at IS NULL") >= CHARGERS);

        // AND the gateway and loop report under gridfleet_* names
        String metrics = serve.http.get("/metrics").send().await().bodyAsString();
        assertThat(metrics).contains("gridfleet_ocpp_chargers_online " + CHARGERS + ".0")
                .contains("gridfleet_control_vehicles " + CHARGERS + ".0")
                .contains("gridfleet_ocpp_setpoints_acked_total")
                .contains("gridfleet_dispatch_setpoints_total");
        stations.forEach(SimulatedCharger::close);
    }

    @Test
    void handshakeShouldBeRefusedWhenChargerIsUnknownOrPasswordWrong() throws Exception {
        // GIVEN a registered charger
        String owner = ownerToken("refusals");
        String site = created(post(owner, "/api/v1/sites", new JsonObject().put("name", "yard").put("limitKw", 50.0)));
        created(post(owner, site + "/chargers", new JsonObject().put("id", "LIVE-GUARDED").put("password", PASSWORD)
                .put("maxPowerKw", 22.0).put("bidirectional", false).put("model", "SimEvse")
                .put("dischargeCapability", "none")));
        await(() -> status("LIVE-GUARDED", "wrong-password-1") == 401);

        // WHEN a station tries an unknown id, or the wrong password again after it was checked
        Thread.sleep(500);
        int unknown = status("LIVE-NOBODY", PASSWORD);
        int wrong = status("LIVE-GUARDED", "wrong-password-1");

        // THEN 404 and 401, and the right password gets in once verified
        assertThat(unknown).isEqualTo(404);
        assertThat(wrong).isEqualTo(401);
        await(() -> status("LIVE-GUARDED", PASSWORD) == 101);
    }

    private static int status(String id, String password) {
        try {
            return SimulatedCharger.handshakeStatus(serve.server.vertx(), serve.server.ocppPort(), id, password);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long rows(String table, String where) {
        String url = "jdbc:postgresql://localhost:" + serve.databasePort + "/postgres";
        try (Connection c = DriverManager.getConnection(url, DatabaseConfig.DEFAULT_USER, "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM " + table
                     + " WHERE charger_id LIKE 'LIVE-CP-%' AND " + where)) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ownerToken(String name) {
        return serve.tenantToken(name, "fleet-owner");
    }

    private static HttpResponse<Buffer> post(String token, String path, JsonObject body) {
        return serve.post(token, path, body);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        serve.await(condition, "condition");
    }
}
