package org.gridfleet.aggregator.live;

import static org.gridfleet.aggregator.live.ServeFixture.PASSWORD;
import static org.gridfleet.aggregator.live.ServeFixture.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import org.gridfleet.aggregator.testsupport.TestServer;

/**
 * A 60 kW site of a running {@link ServeFixture} with vans plugged in at chargers named {@code <prefix>-CP-i}
 * (simulated OCPP 2.0.1 stations), each needing 12 kWh within 8 hours, and the sum of their latest setpoints.
 */
record VanDepot(ServeFixture serve, String prefix, String siteId, List<SimulatedCharger> stations) {

    static VanDepot start(ServeFixture serve, String prefix, int vans, double chargerKw) throws Exception {
        String owner = serve.tenantToken("fleet-" + prefix, "fleet-owner");
        String site = created(serve.post(owner, "/api/v1/sites", new JsonObject().put("name", prefix + "-depot")
                .put("limitKw", 60.0)));
        String fleet = created(serve.post(owner, "/api/v1/fleets", new JsonObject().put("name", prefix + "-vans")));
        List<SimulatedCharger> stations = new ArrayList<>();
        for (int i = 1; i <= vans; i++) {
            created(serve.post(owner, fleet + "/vehicles", TestServer.vehicleBody(prefix + "-van-" + i)
                    .put("batteryCapacityKwh", 60.0).put("maxChargeKw", chargerKw).put("reserveSoc", 0.2)
                    .put("trips", new JsonArray()).put("chargingPreference", "guaranteed")
                    .put("v2g", new JsonObject().put("mode", "off")).put("idToken", "RFID-" + prefix + "-" + i)));
            created(serve.post(owner, site + "/chargers", new JsonObject().put("id", prefix + "-CP-" + i)
                    .put("password", PASSWORD).put("maxPowerKw", chargerKw).put("bidirectional", false)
                    .put("model", "SimEvse").put("dischargeCapability", "none")));
        }
        for (int i = 1; i <= vans; i++) {
            SimulatedCharger cp = serve.station(prefix + "-CP-" + i);
            stations.add(cp);
            // 12 kWh within 8 hours: halving the power leaves every departure reachable
            cp.plugIn("RFID-" + prefix + "-" + i, 30, Instant.now().plus(Duration.ofHours(8)), 12_000);
        }
        return new VanDepot(serve, prefix, site.substring(site.lastIndexOf('/') + 1), stations);
    }

    /** The sum of the depot chargers' latest setpoints, kW. */
    double kw() {
        return serve.setpointsKw().entrySet().stream().filter(e -> e.getKey().startsWith(prefix + "-CP-"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** Waits until the setpoints match, metering each charger at its setpoint every second meanwhile. */
    void await(DoublePredicate condition, String what) throws InterruptedException {
        long[] meteredAt = {0};
        serve.await(() -> {
            if (System.nanoTime() - meteredAt[0] > 1_000_000_000L) {
                meter();
                meteredAt[0] = System.nanoTime();
            }
            return condition.test(kw());
        }, what);
    }

    /** Waits until the vans draw more than {@code kw} and answers what they draw. */
    double awaitKwAbove(double kw, String what) throws InterruptedException {
        await(total -> total > kw, what);
        return kw();
    }

    /** Each charger meters the setpoint it was given. */
    void meter() {
        for (int i = 0; i < stations.size(); i++) {
            try {
                stations.get(i).meter(31, serve.setpointsKw().getOrDefault(prefix + "-CP-" + (i + 1), 0.0) * 1000);
            } catch (Exception e) {
                throw new IllegalStateException("metering " + prefix + "-CP-" + (i + 1), e);
            }
        }
    }

    void close() {
        stations.forEach(SimulatedCharger::close);
    }
}
