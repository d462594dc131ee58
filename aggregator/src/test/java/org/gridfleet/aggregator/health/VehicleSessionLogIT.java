package org.gridfleet.aggregator.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.testsupport.TestServer;
import org.gridfleet.v2g.charger.ChargerEvents;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.charger.SessionEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VehicleSessionLogIT {

    private static TestServer server;
    private static UUID vehicle;

    @BeforeAll
    static void start() {
        server = TestServer.start(VehicleSessionLogIT.class);
        String owner = server.tenantToken("sessions-owner", "fleet-owner");
        String fleet = server.post(owner, "/api/v1/fleets", new JsonObject().put("name", "s")).getHeader("Location");
        String location = server.post(owner, fleet + "/vehicles", TestServer.vehicleBody("s1")).getHeader("Location");
        vehicle = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The session's end in epoch seconds ("open" while it runs, null without a row); waits up to 5 s for {@code awaited}. */
    private static String session(String tx, String awaited) throws SQLException, InterruptedException {
        String seen = null;
        for (int i = 0; i < 100; i++) {
            try (Connection c = server.dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT coalesce(extract(epoch from ended_at)::bigint::text, 'open') FROM vehicle_charging_sessions "
                         + "WHERE transaction_id = ? AND vehicle_id = ?")) {
                ps.setString(1, tx);
                ps.setObject(2, vehicle);
                try (ResultSet rs = ps.executeQuery()) {
                    seen = rs.next() ? rs.getString(1) : null;
                }
            }
            if (awaited.equals(seen)) {
                return seen;
            }
            Thread.sleep(50);
        }
        return seen;
    }

    @Test
    void onSessionShouldRecordStartAndEndOfRegisteredVehicleAndForwardEveryEvent() throws Exception {
        // GIVEN
        List<SessionEvent> forwarded = new ArrayList<>();
        ChargerEvents log = new VehicleSessionLog(server.vertx, server.dataSource, new ChargerEvents() {
            @Override
            public void onSession(SessionEvent event) {
                forwarded.add(event);
            }
        });
        EvseRef evse = new EvseRef("CP-S1", 1);
        Instant start = Instant.parse("2026-11-28T08:00:00Z");
        // WHEN
        log.onSession(new SessionEvent(evse, "tx-9", SessionEvent.Kind.STARTED, start, "RFID-s1", vehicle.toString()));
        String open = session("tx-9", "open");
        log.onSession(new SessionEvent(evse, "tx-9", SessionEvent.Kind.ENDED, start.plusSeconds(3600), "RFID-s1",
                vehicle.toString()));
        log.onSession(new SessionEvent(evse, "tx-10", SessionEvent.Kind.STARTED, start, null, "not-a-vehicle"));
        String endedAt = String.valueOf(start.plusSeconds(3600).getEpochSecond());
        String ended = session("tx-9", endedAt);
        // THEN
        assertThat(open).isEqualTo("open");
        assertThat(ended).isEqualTo(endedAt);
        assertThat(forwarded).extracting(SessionEvent::transactionId).containsExactly("tx-9", "tx-9", "tx-10");
        try (Connection c = server.dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM vehicle_charging_sessions")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
