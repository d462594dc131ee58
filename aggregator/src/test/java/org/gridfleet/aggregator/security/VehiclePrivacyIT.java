package org.gridfleet.aggregator.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A fleet owner exports and erases a vehicle's history. Two vehicle-linked tables stand in for what other
 * features store (session telemetry with a time and an energy column; notes without either): the history
 * is found by its {@code vehicle_id} column, whoever created the table.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VehiclePrivacyIT {

    private static TestServer server;
    private static String owner;
    private static String intruder;
    private static String fleet;

    @BeforeAll
    static void start() throws SQLException {
        server = TestServer.start(VehiclePrivacyIT.class);
        owner = server.tenantToken("private-owner", "fleet-owner");
        intruder = server.tenantToken("curious-owner", "fleet-owner");
        fleet = server.post(owner, "/api/v1/fleets", new JsonObject().put("name", "vans")).getHeader("Location");
        sql("CREATE TABLE vehicle_sessions (time timestamptz NOT NULL, vehicle_id uuid NOT NULL, charger_id text, "
                + "energy_kwh double precision, soc double precision)",
            "CREATE TABLE vehicle_notes (vehicle_id text NOT NULL, note text)");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }

    /** A new vehicle with {@code sessions} session rows (energy 10, 20, ... kWh) and one note. */
    private static String vehicleWithHistory(String name, int sessions) throws SQLException {
        String location = server.post(owner, fleet + "/vehicles", TestServer.vehicleBody(name)).getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        for (int i = 1; i <= sessions; i++) {
            sql("INSERT INTO vehicle_sessions VALUES ('2026-11-0" + (sessions - i + 1) + "T08:00:00Z', '" + id
                    + "', 'CP-1', " + (10.0 * i) + ", 0." + i + ")");
        }
        sql("INSERT INTO vehicle_notes VALUES ('" + id + "', '=HYPERLINK(\"http://x\",\"call, me\")')");
        return location;
    }

    private static long rowsOf(String location) throws SQLException {
        String id = location.substring(location.lastIndexOf('/') + 1);
        try (Connection c = server.dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT (SELECT count(*) FROM vehicle_sessions WHERE vehicle_id = ?::uuid)"
                     + " + (SELECT count(*) FROM vehicle_notes WHERE vehicle_id = ?)")) {
            ps.setString(1, id);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> aggregates() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT t::text FROM vehicle_history_aggregates t ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void exportShouldHoldSettingsAndOnlyThisVehiclesRowsOldestFirstWhenOwnerAsksForJson() throws SQLException {
        // GIVEN
        String car = vehicleWithHistory("export-json", 3);
        vehicleWithHistory("someone-else", 2);
        // WHEN
        HttpResponse<Buffer> r = server.get(owner, car + "/history");
        // THEN
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.getHeader("content-disposition")).startsWith("attachment");
        JsonObject export = r.bodyAsJsonObject();
        assertThat(export.getJsonObject("vehicle").getString("idToken")).isEqualTo("RFID-export-json");
        JsonArray sessions = export.getJsonObject("history").getJsonObject("vehicle_sessions").getJsonArray("rows");
        assertThat(sessions).hasSize(3);
        assertThat(sessions.stream().map(o -> ((JsonObject) o).getDouble("energy_kwh"))).containsExactly(30.0, 20.0, 10.0);
        assertThat(export.getJsonObject("history").getJsonObject("vehicle_notes").getJsonArray("rows")).hasSize(1);
        assertThat(export.getJsonObject("history").getJsonObject("vehicle_sessions").getBoolean("truncated")).isFalse();
        JsonArray audit = server.get(owner, "/api/v1/audit").bodyAsJsonObject().getJsonArray("items");
        assertThat(audit.getJsonObject(0).getString("action")).isEqualTo("vehicle.history.export");
        assertThat(audit.getJsonObject(0).getJsonObject("after").getLong("rows")).isEqualTo(4);
    }

    @Test
    void exportShouldBeOneLongCsvTableWithFormulasDefusedWhenOwnerAsksForCsv() throws SQLException {
        // GIVEN
        String car = vehicleWithHistory("export-csv", 2);
        // WHEN
        HttpResponse<Buffer> r = server.get(owner, car + "/history?format=csv");
        // THEN
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).startsWith("text/csv");
        List<String> lines = List.of(r.bodyAsString().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("record,time,field,value");
        assertThat(lines).contains("vehicle,,name,export-csv", "vehicle,,idToken,RFID-export-csv",
                "vehicle_notes,,note,\"'=HYPERLINK(\"\"http://x\"\",\"\"call, me\"\")\"");
        assertThat(lines.stream().filter(l -> l.startsWith("vehicle_sessions,") && l.contains(",energy_kwh,"))).hasSize(2);
    }

    @Test
    void eraseShouldDeleteTheRowsAndKeepOnlyAnonymousAggregatesWhenOwnerErasesHistory() throws SQLException {
        // GIVEN
        String car = vehicleWithHistory("erase-me", 3);
        String bystander = vehicleWithHistory("keep-me", 2);
        List<String> aggregatesBefore = aggregates();
        // WHEN
        HttpResponse<Buffer> r = server.delete(owner, car + "/history");
        // THEN
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getJsonObject("erasedRows"))
                .isEqualTo(new JsonObject().put("vehicle_battery_health", 0).put("vehicle_charging_sessions", 0)
                        .put("vehicle_notes", 1).put("vehicle_sessions", 3));
        assertThat(rowsOf(car)).isZero();
        assertThat(rowsOf(bystander)).isEqualTo(3);
        assertThat(server.get(owner, car).statusCode()).isEqualTo(200);
        List<String> added = new ArrayList<>(aggregates());
        added.removeAll(aggregatesBefore);
        assertThat(added).hasSize(2).noneMatch(row -> row.contains(car.substring(car.lastIndexOf('/') + 1)));
        assertThat(added).anyMatch(row -> row.contains(",vehicle_sessions,3,") && row.contains("energy_kwh\"\": 60.0"));
    }

    @Test
    void deleteShouldEraseTheHistoryWithTheVehicleWhenOwnerDeletesIt() throws SQLException {
        // GIVEN
        String car = vehicleWithHistory("gone", 2);
        int aggregatesBefore = aggregates().size();
        // WHEN
        HttpResponse<Buffer> r = server.delete(owner, car);
        // THEN
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(rowsOf(car)).isZero();
        assertThat(aggregates()).hasSize(aggregatesBefore + 2);
        assertThat(server.get(owner, car).statusCode()).isEqualTo(404);
    }

    @Test
    void exportAndEraseShouldAnswerLikeAnUnknownVehicleWhenAnotherTenantAsks() throws SQLException {
        // GIVEN
        String car = vehicleWithHistory("not-yours", 2);
        String unknown = fleet + "/vehicles/" + UUID.randomUUID();
        // WHEN
        List<HttpResponse<Buffer>> intruding = List.of(server.get(intruder, car + "/history"),
                server.get(intruder, car + "/history?format=csv"), server.delete(intruder, car + "/history"));
        HttpResponse<Buffer> missing = server.get(owner, unknown + "/history");
        // THEN
        assertThat(intruding).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.bodyAsJsonObject().getString("detail")).isEqualTo(missing.bodyAsJsonObject().getString("detail"));
        });
        assertThat(rowsOf(car)).isEqualTo(3);
    }

    @Test
    void exportShouldAnswer403WhenCallerIsOps() {
        // GIVEN
        String ops = server.tenantToken("ops-team", "ops");
        // WHEN
        HttpResponse<Buffer> r = server.get(ops, fleet + "/vehicles/" + UUID.randomUUID() + "/history");
        // THEN
        assertThat(r.statusCode()).isEqualTo(403);
    }
}
