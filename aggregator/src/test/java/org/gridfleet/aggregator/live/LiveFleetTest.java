package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.gridfleet.aggregator.dispatch.SettableClock;
import org.gridfleet.v2g.charger.ChargerRecord;
import org.gridfleet.v2g.charger.EvNeeds;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.charger.MeterSample;
import org.gridfleet.v2g.charger.SessionEvent;
import org.junit.jupiter.api.Test;

class LiveFleetTest {

    private static final Instant T = LiveFixtures.NOW;
    private static final EvseRef CP1 = new EvseRef("CP-1", 1);
    private static final Duration HELD = Duration.ofSeconds(60);
    private final SettableClock clock = new SettableClock(T);
    private final LiveFleet fleet = new LiveFleet(clock, HELD);

    private static SessionEvent session(SessionEvent.Kind kind, String tx, String vehicle) {
        return new SessionEvent(CP1, tx, kind, T, "RFID", vehicle);
    }

    private static MeterSample meter(Double soc, Double kw) {
        return new MeterSample(CP1, "tx-1", T, soc, soc, kw, null, null, false);
    }

    @Test
    void sessionShouldCarrySocPowerAndNeedsWhenTheChargerReportsThem() {
        // GIVEN
        fleet.onConnection("CP-1", true);
        fleet.onSession(session(SessionEvent.Kind.STARTED, "tx-1", "v1"));
        EvNeeds needs = new EvNeeds(CP1, T.plusSeconds(3600), 20.0, null, null, null, null, 11.0, null);
        // WHEN
        fleet.onNeeds(needs);
        fleet.onMeter(meter(0.4, 7.2));
        fleet.onMeter(meter(null, 7.0)); // a reading without SoC keeps the last SoC
        // THEN
        assertThat(fleet.online()).isEqualTo(1);
        assertThat(fleet.sessions()).singleElement().satisfies(s -> {
            assertThat(s.vehicleId()).isEqualTo("v1");
            assertThat(s.soc()).isEqualTo(0.4);
            assertThat(s.meteredKw()).isEqualTo(7.0);
            assertThat(s.needs()).isEqualTo(needs);
        });
        assertThat(fleet.meteredKw()).containsEntry("v1", 7.0);
    }

    @Test
    void sessionShouldBeDroppedWhenItEndsOrItsChargerGoesOffline() {
        // GIVEN
        fleet.onConnection("CP-1", true);
        fleet.onSession(session(SessionEvent.Kind.STARTED, "tx-1", "v1"));
        fleet.onMeter(meter(0.5, 3.0));
        // WHEN an end of another transaction arrives THEN the session stays
        fleet.onSession(session(SessionEvent.Kind.ENDED, "tx-old", "v1"));
        assertThat(fleet.sessions()).hasSize(1);
        // WHEN its own end arrives THEN it is gone with its metered power
        fleet.onSession(session(SessionEvent.Kind.ENDED, "tx-1", "v1"));
        assertThat(fleet.sessions()).isEmpty();
        assertThat(fleet.meteredKw()).isEmpty();
        // WHEN a new session's charger goes offline THEN it is gone too
        fleet.onSession(session(SessionEvent.Kind.STARTED, "tx-2", "v1"));
        fleet.onConnection("CP-1", false);
        assertThat(fleet.sessions()).isEmpty();
        assertThat(fleet.online()).isZero();
    }

    @Test
    void meterShouldBeIgnoredWhenNoSessionRunsOnTheEvse() {
        // WHEN
        fleet.onMeter(meter(0.5, 3.0));
        fleet.onNeeds(new EvNeeds(CP1, null, null, null, null, null, 0.9, null, null));
        // THEN
        assertThat(fleet.sessions()).isEmpty();
        assertThat(fleet.meteredKw()).isEmpty();
    }

    @Test
    void offlineKwShouldBeRatedPowerWhileTheLastProfileMayHoldThenTheFallbackWhenTheChargerIsOfflineOrHasNotReportedItsSession() {
        // GIVEN a 22 kW charger, one of four on a 40 kW site: fallback 10 kW
        ChargerRecord cp1 = new ChargerRecord("CP-1", "site", ChargerRecord.Admission.ACCEPTED, true, 22, 1, 40, 4);
        // THEN never seen since start (a restart): its last profile may still hold, then its fallback
        assertThat(fleet.offlineKw(cp1, T.plusSeconds(59))).isEqualTo(22.0);
        assertThat(fleet.offlineKw(cp1, T.plusSeconds(60))).isEqualTo(10.0);
        // WHEN it connects THEN it is steered, no offline draw
        fleet.onConnection("CP-1", true);
        assertThat(fleet.offlineKw(cp1, T.plusSeconds(100))).isZero();
        // WHEN it disconnects later THEN the hold starts again from the disconnect
        clock.set(T.plusSeconds(200));
        fleet.onConnection("CP-1", false);
        assertThat(fleet.offlineKw(cp1, T.plusSeconds(259))).isEqualTo(22.0);
        assertThat(fleet.offlineKw(cp1, T.plusSeconds(260))).isEqualTo(10.0);
        // WHEN it reconnects THEN its old TxProfile may apply again until it reports a session
        clock.set(T.plusSeconds(300));
        fleet.onConnection("CP-1", true);
        assertThat(fleet.offlineKw(cp1, T.plusSeconds(310))).isEqualTo(22.0);
        fleet.onSession(session(SessionEvent.Kind.STARTED, "tx-9", "v1"));
        assertThat(fleet.offlineKw(cp1, T.plusSeconds(311))).isZero();
    }
}
