package org.gridfleet.aggregator.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.testsupport.TestServer;
import org.gridfleet.degradation.AgingState;
import org.gridfleet.degradation.BatteryHealth;
import org.gridfleet.degradation.BatteryPack;
import org.gridfleet.degradation.Chemistry;
import org.gridfleet.degradation.SocProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BatteryHealthIT {

    private static final Instant ORIGIN = Instant.parse("2026-11-20T00:00:00Z");
    private static final int STEP_S = 600;
    /** Three whole days of samples every 10 minutes, the last one exactly at the end of day 3. */
    private static final int SAMPLES = 3 * 86_400 / STEP_S + 1;
    private static final Clock LAST_DAY = Clock.fixed(Instant.parse("2026-11-22T23:30:00Z"), ZoneOffset.UTC);

    private static TestServer server;
    private static String owner;
    private static String other;

    @BeforeAll
    static void start() {
        server = TestServer.start(BatteryHealthIT.class);
        owner = server.tenantToken("health-owner", "fleet-owner");
        other = server.tenantToken("health-other", "fleet-owner");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Two cycles a day between about 0.35 and 0.85, deterministic. */
    private static double soc(int k) {
        return 0.6 + 0.25 * Math.sin(2 * Math.PI * k * STEP_S / 43_200.0) + 0.01 * Math.cos(k * 0.7);
    }

    private static String vehicle(String token, String name) {
        String fleet = server.post(token, "/api/v1/fleets", new JsonObject().put("name", "f-" + name)).getHeader("Location");
        return server.post(token, fleet + "/vehicles", TestServer.vehicleBody(name)).getHeader("Location");
    }

    private static UUID idOf(String location) {
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** A session of the vehicle on {@code charger} from the origin on, and its SoC readings {@code from..to}. */
    private static void meter(UUID vehicle, String charger, int from, int to) throws SQLException {
        try (Connection c = server.dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO vehicle_charging_sessions (vehicle_id, charger_id, "
                    + "evse_id, transaction_id, started_at) VALUES (?, ?, 1, 'tx-1', ?) ON CONFLICT DO NOTHING")) {
                ps.setObject(1, vehicle);
                ps.setString(2, charger);
                ps.setTimestamp(3, Timestamp.from(ORIGIN));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO soc_readings (time, charger_id, evse_id, soc) VALUES (?, ?, 1, ?)")) {
                for (int k = from; k <= to; k++) {
                    ps.setTimestamp(1, Timestamp.from(ORIGIN.plusSeconds((long) k * STEP_S)));
                    ps.setString(2, charger);
                    ps.setDouble(3, soc(k));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static AgingState direct(int samples) {
        double[] t = new double[samples];
        double[] s = new double[samples];
        for (int k = 0; k < samples; k++) {
            t[k] = (double) k * STEP_S;
            s[k] = soc(k);
        }
        return BatteryHealth.fresh(new BatteryPack(Chemistry.NMC111_KOKAM_75AH, 75.0))
                .afterMetered(SocProfile.atTemperature(t, s, 25.0)).state();
    }

    private static double column(UUID vehicle, String column) throws SQLException {
        try (Connection c = server.dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM vehicle_battery_health WHERE vehicle_id = ?")) {
            ps.setObject(1, vehicle);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("health row of " + vehicle).isTrue();
                return rs.getDouble(1);
            }
        }
    }

    @Test
    void passShouldStoreCapacityOfModelRunOnSameProfileWhenHistorySpansWholeDays() throws SQLException {
        // GIVEN
        UUID v = idOf(vehicle(owner, "whole"));
        meter(v, "CP-WHOLE", 0, SAMPLES - 1);
        HealthJob job = new HealthJob(server.dataSource, LAST_DAY, new VehicleWear());
        // WHEN
        job.runPass();
        // THEN
        AgingState expected = direct(SAMPLES);
        assertThat(expected.days()).isEqualTo(3.0);
        assertThat(column(v, "relative_capacity")).isCloseTo(expected.relativeCapacity(), within(1e-9));
        assertThat(column(v, "equivalent_full_cycles")).isCloseTo(expected.equivalentFullCycles(), within(1e-9));
        assertThat(column(v, "days")).isEqualTo(3.0);
        assertThat(expected.relativeCapacity()).isLessThan(1.0);
    }

    @Test
    void passesShouldStepAcrossRunsAsOneRunWhenHistoryArrivesInParts() throws SQLException {
        // GIVEN the first day and a half, then the rest
        UUID v = idOf(vehicle(owner, "parts"));
        HealthJob job = new HealthJob(server.dataSource, LAST_DAY, new VehicleWear());
        meter(v, "CP-PARTS", 0, 216);
        job.runPass();
        double afterFirst = column(v, "days");
        meter(v, "CP-PARTS", 217, SAMPLES - 1);
        // WHEN the second pass runs on a worker, as the server runs it
        assertThat(job.runNow(server.vertx).await()).isGreaterThanOrEqualTo(1);
        // THEN
        assertThat(afterFirst).isEqualTo(1.0);
        AgingState expected = direct(SAMPLES);
        assertThat(column(v, "relative_capacity")).isCloseTo(expected.relativeCapacity(), within(1e-9));
        assertThat(column(v, "equivalent_full_cycles")).isCloseTo(expected.equivalentFullCycles(), within(1e-9));
    }

    @Test
    void mayDischargeShouldBeFalseWhenMeteredDischargeExhaustedDailyBudget() throws SQLException {
        // GIVEN a cap of 0.05 extra cycles a day; the last day alone gives back about one cycle
        String location = vehicle(owner, "capped");
        UUID v = idOf(location);
        assertThat(server.put(owner, location + "/degradation-budget",
                new JsonObject().put("kind", "daily-extra-cycles").put("limit", 0.05)).statusCode()).isEqualTo(200);
        meter(v, "CP-CAPPED", 0, SAMPLES - 1);
        VehicleWear wear = new VehicleWear();
        LocalDate day = LocalDate.of(2026, 11, 22);
        assertThat(wear.mayDischarge(v, day)).isTrue();
        // WHEN
        new HealthJob(server.dataSource, LAST_DAY, wear).runPass();
        // THEN
        assertThat(wear.mayDischarge(v, day)).isFalse();
        assertThat(wear.maxDischargeKw(v, 11.0, day, 0.25, 0.95)).isZero();
        assertThat(wear.mayDischarge(v, day.plusDays(1))).isTrue();
        assertThat(wear.pricePerKwh(v, -1)).isPositive();
        JsonObject budget = server.get(owner, location + "/battery-health").bodyAsJsonObject().getJsonObject("budget");
        assertThat(budget.getBoolean("exhausted")).isFalse(); // the server's clock is today, a later day
        assertThat(column(v, "wear_cycles_day")).isGreaterThan(0.05);
    }

    @Test
    void getShouldAnswerHealthOfOwnVehicleAnd404ForAnotherTenants() throws SQLException {
        // GIVEN
        String location = vehicle(owner, "api");
        UUID v = idOf(location);
        meter(v, "CP-API", 0, SAMPLES - 1);
        new HealthJob(server.dataSource, LAST_DAY, new VehicleWear()).runPass();
        // WHEN
        HttpResponse<Buffer> mine = server.get(owner, location + "/battery-health");
        HttpResponse<Buffer> theirs = server.get(other, location + "/battery-health");
        // THEN
        assertThat(mine.statusCode()).as(mine.bodyAsString()).isEqualTo(200);
        JsonObject h = mine.bodyAsJsonObject();
        assertThat(h.getDouble("relativeCapacity")).isCloseTo(direct(SAMPLES).relativeCapacity(), within(1e-9));
        assertThat(h.getString("asOf")).isEqualTo("2026-11-23T00:00:00Z");
        assertThat(h.getDouble("remainingLifeYears")).isPositive();
        assertThat(h.getDouble("wearPricePerKwh")).isPositive();
        assertThat(h.getDouble("dischargedKwh")).isPositive();
        assertThat(h.getJsonObject("budget").getString("source")).isEqualTo("v2g-consent");
        assertThat(h.getJsonObject("budget").getString("kind")).isEqualTo("yearly-capacity");
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(server.put(other, location + "/degradation-budget",
                new JsonObject().put("kind", "yearly-cost").put("limit", 5.0)).statusCode()).isEqualTo(404);
    }

    @Test
    void putShouldAnswer400NamingFieldAndChangeNothingWhenBudgetIsBad() {
        // GIVEN
        String location = vehicle(owner, "bad-budget");
        JsonObject before = server.get(owner, location + "/battery-health").bodyAsJsonObject();
        // WHEN
        HttpResponse<Buffer> negative = server.put(owner, location + "/degradation-budget",
                new JsonObject().put("kind", "yearly-cost").put("limit", -1.0));
        HttpResponse<Buffer> unknownKind = server.put(owner, location + "/degradation-budget",
                new JsonObject().put("kind", "weekly").put("limit", 1.0));
        HttpResponse<Buffer> overOne = server.put(owner, location + "/degradation-budget",
                new JsonObject().put("kind", "yearly-capacity").put("limit", 2.0));
        HttpResponse<Buffer> missing = server.put(owner, location + "/degradation-budget",
                new JsonObject().put("kind", "yearly-cost"));
        // THEN
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.bodyAsJsonObject().getString("field")).isEqualTo("limit");
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(unknownKind.bodyAsJsonObject().getString("field")).isEqualTo("kind");
        assertThat(overOne.statusCode()).isEqualTo(400);
        assertThat(overOne.bodyAsJsonObject().getString("field")).isEqualTo("limit");
        assertThat(missing.statusCode()).isEqualTo(400);
        // a missing property is named by the contract validator in the detail (its field is the body)
        assertThat(missing.bodyAsJsonObject().getString("detail")).contains("limit");
        assertThat(server.get(owner, location + "/battery-health").bodyAsJsonObject()).isEqualTo(before);
    }

    @Test
    void putShouldReplaceConsentBoundWhenBudgetIsValid() {
        // GIVEN
        String location = vehicle(owner, "good-budget");
        // WHEN
        HttpResponse<Buffer> r = server.put(owner, location + "/degradation-budget",
                new JsonObject().put("kind", "yearly-cost").put("limit", 40.0));
        // THEN
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getString("source")).isEqualTo("owner");
        JsonObject budget = server.get(owner, location + "/battery-health").bodyAsJsonObject().getJsonObject("budget");
        assertThat(budget.getString("kind")).isEqualTo("yearly-cost");
        assertThat(budget.getDouble("limit")).isEqualTo(40.0);
        assertThat(budget.getDouble("spent")).isZero();
    }
}
