package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.aggregator.live.ServeFixture.PASSWORD;
import static org.gridfleet.aggregator.live.ServeFixture.created;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.config.MarketConfig;
import org.gridfleet.aggregator.markets.MarketsModule;
import org.gridfleet.aggregator.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The market desk of {@code gridfleet serve} steering the live fleet: the desk offers PJM RegD from the plugged-in
 * vans (simulated OCPP 2.0.1 stations over loopback), the market operator pushes the award and then the signal at
 * {@code /api/v1/markets}, and the chargers' setpoints follow the signal within the site limit. The server's clock
 * starts ten minutes before a gate closure and jumps to the delivery hour.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MarketsLiveIT {

    private static final int VANS = 36;
    private static final double CHARGER_KW = 11;
    private static final double SITE_LIMIT_KW = 450;
    private static final String MARKETS = MarketsModule.MOUNT_POINT;
    /** Delivery hour: the hourly calendar closes its gate one hour before. */
    private static final Instant HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(3));

    /** Not today's defaults: the offer must carry these (margin 0.004 → 19 per MW·h; at most 150 kW). */
    private static final MarketConfig MARKETS_CONFIG = new MarketConfig(List.of(MarketConfig.PJM_REGD),
            MarketConfig.DEFAULT_OPPORTUNITY_PER_KWH, MarketConfig.DEFAULT_DEGRADATION_PER_KWH,
            MarketConfig.DEFAULT_THROUGHPUT_KWH_PER_KW, 0.004, 0.75, MarketConfig.DEFAULT_MIN_OFFER_KW, 150,
            MarketConfig.DEFAULT_FCR_FULL_ACTIVATION_MHZ, MarketConfig.DEFAULT_FCR_DEADBAND_MHZ);
    private static final ShiftedClock CLOCK = new ShiftedClock(HOUR.minus(Duration.ofMinutes(70)));
    private static ServeFixture serve;

    @BeforeAll
    static void start() throws Exception {
        serve = ServeFixture.start(CLOCK, MARKETS_CONFIG);
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    @Test
    void awardAndSignalPushedAtMarketsShouldMoveTheFleetSetpointsInTheSignalDirectionWithinTheSiteLimit()
            throws Exception {
        // GIVEN thirty-six vans plugged in at a 450 kW depot, charging slowly towards a departure eight hours away
        String owner = serve.tenantToken("regd-fleet", "fleet-owner");
        String site = created(serve.post(owner, "/api/v1/sites", new JsonObject().put("name", "regd-depot")
                .put("limitKw", SITE_LIMIT_KW)));
        String fleet = created(serve.post(owner, "/api/v1/fleets", new JsonObject().put("name", "regd-vans")));
        List<SimulatedCharger> stations = new ArrayList<>();
        for (int i = 1; i <= VANS; i++) {
            created(serve.post(owner, fleet + "/vehicles", TestServer.vehicleBody("regd-van-" + i)
                    .put("batteryCapacityKwh", 60.0).put("maxChargeKw", CHARGER_KW).put("reserveSoc", 0.2)
                    .put("trips", new JsonArray()).put("chargingPreference", "lowest-cost")
                    .put("v2g", new JsonObject().put("mode", "off")).put("idToken", "RFID-REGD-" + i)));
            created(serve.post(owner, site + "/chargers", new JsonObject().put("id", "REGD-CP-" + i)
                    .put("password", PASSWORD).put("maxPowerKw", CHARGER_KW).put("bidirectional", false)
                    .put("model", "SimEvse").put("dischargeCapability", "none")));
        }
        for (int i = 1; i <= VANS; i++) {
            SimulatedCharger cp = serve.station("REGD-CP-" + i);
            stations.add(cp);
            cp.plugIn("RFID-REGD-" + i, 40, CLOCK.instant().plus(Duration.ofHours(8)), 15_000);
        }
        serve.await(() -> serve.setpointsKw().size() == VANS, "every van has a profile");

        // AND the desk has offered the delivery hour from the live plan before its gate, priced and capped as
        // configured
        String operator = serve.tenantToken("pjm", "utility");
        serve.await(() -> offers(operator).size() == 1, "the desk's offer for " + HOUR);
        JsonObject offer = offers(operator).getJsonObject(0);
        assertThat(offer.getString("periodStart")).isEqualTo(HOUR.toString());
        assertThat(offer.getDouble("capabilityPricePerMwh")).isCloseTo(19.0, within(1e-9));
        assertThat(offer.getDouble("performancePricePerMw")).isEqualTo(0.75);
        assertThat(offer.getDouble("capabilityKw")).isBetween(100.0, 150.0);
        double awardedKw = Math.min(offer.getDouble("capabilityKw"), 100);

        // WHEN the operator awards it and the hour begins
        HttpResponse<Buffer> award = serve.post(operator, MARKETS + "/awards", new JsonObject()
                .put("offerId", offer.getString("offerId")).put("periodStart", HOUR.toString())
                .put("periodEnd", HOUR.plus(Duration.ofHours(1)).toString()).put("awardedKw", awardedKw)
                .put("capabilityClearingPricePerMwh", 20.0).put("performanceClearingPricePerMw", 1.0));
        assertThat(award.statusCode()).as(award.bodyAsString()).isEqualTo(200);
        double baselineKw = award.bodyAsJsonObject().getDouble("baselineKw");
        CLOCK.jump(Duration.ofMinutes(70));
        serve.await(() -> "DELIVERING".equals(obligation(operator).getString("state")), "delivery started");

        // AND the operator signals full regulation up (less import), then full down (more import)
        signal(operator, 1.0);
        serve.await(() -> serve.totalKw() <= baselineKw - 0.8 * awardedKw, "fleet down to baseline - awarded");
        double upKw = serve.totalKw();
        signal(operator, -1.0);
        serve.await(() -> serve.totalKw() >= Math.min(baselineKw + 0.8 * awardedKw, VANS * CHARGER_KW * 0.8),
                "fleet up towards baseline + awarded");
        double downKw = serve.totalKw();

        // THEN the setpoints moved in the signal's direction, and the site stayed under its usable limit
        assertThat(downKw - upKw).isGreaterThan(awardedKw);
        assertThat(serve.highestTotalKw()).isLessThanOrEqualTo(SITE_LIMIT_KW * 0.95 + 1e-6);
        assertThat(serve.setpointsKw().values()).allSatisfy(kw -> assertThat(kw).isBetween(0.0, CHARGER_KW));
        stations.forEach(SimulatedCharger::close);
    }

    private static void signal(String operator, double value) {
        HttpResponse<Buffer> r = serve.post(operator, MARKETS + "/signals", new JsonObject().put("product", "pjm-regd")
                .put("at", CLOCK.instant().truncatedTo(ChronoUnit.MILLIS).toString()).put("value", value));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getInteger("obligations")).isEqualTo(1);
    }

    private static JsonArray offers(String token) {
        return serve.get(token, MARKETS + "/offers").bodyAsJsonObject().getJsonArray("items");
    }

    private static JsonObject obligation(String token) {
        JsonArray items = serve.get(token, MARKETS + "/obligations").bodyAsJsonObject().getJsonArray("items");
        return items.isEmpty() ? new JsonObject() : items.getJsonObject(0);
    }
}
