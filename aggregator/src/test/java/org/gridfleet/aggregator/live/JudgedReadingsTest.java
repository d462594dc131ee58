package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.aggregator.dispatch.SettableClock;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.charger.MeterSample;
import org.gridfleet.v2g.charger.SessionEvent;
import org.gridfleet.v2g.control.VehicleState;
import org.junit.jupiter.api.Test;

class JudgedReadingsTest {

    private static final Instant T = LiveFixtures.NOW;
    private static final EvseRef CP1 = new EvseRef("CP-1", 1);
    private static final Duration GRACE = Duration.ofSeconds(4);
    private static final VehicleState V1 = new VehicleState("v1", "s1", 60, 0.4, 0.2, 0.65, T.plusSeconds(28_800),
            11, 0, 0.95, 0.05, false);

    private final SettableClock clock = new SettableClock(T);
    private final LiveFleet fleet = new LiveFleet(clock, Duration.ofSeconds(60));
    private final JudgedReadings judged = new JudgedReadings(fleet, GRACE);
    private final Map<String, Double> inForce = new HashMap<>();

    private void meter(double kw) {
        fleet.onMeter(new MeterSample(CP1, "tx-1", clock.instant(), 0.4, 0.4, kw, null, null, false));
    }

    private void handOut(double kw) {
        inForce.put("v1", kw);
        judged.handedOut(inForce, clock.instant());
    }

    @Test
    void refreshShouldHideAReadingWhenItArrivedBeforeTheSetpointSettled() {
        // GIVEN a station that reported 0 W when its transaction started, then got an 11 kW setpoint
        fleet.onConnection("CP-1", true);
        fleet.onSession(new SessionEvent(CP1, "tx-1", SessionEvent.Kind.STARTED, T, "RFID", "v1"));
        meter(0);
        clock.set(T.plusSeconds(1));
        handOut(11);
        // WHEN ticks run long past the grace with no newer reading, and one arrives inside the grace
        clock.set(T.plusSeconds(60));
        judged.refresh(List.of(V1));
        boolean staleJudged = judged.judgedKw().containsKey("v1");
        handOut(5);
        clock.set(T.plusSeconds(62));
        meter(11);
        judged.refresh(List.of(V1));
        // THEN neither reading is judged: both show the power from before the setpoint in force
        assertThat(staleJudged).isFalse();
        assertThat(judged.judgedKw()).doesNotContainKey("v1");
    }

    @Test
    void refreshShouldJudgeAReadingWhenItArrivedOnceTheSetpointSettled() {
        // GIVEN an 11 kW setpoint handed out with an unchanged one on the next tick
        fleet.onConnection("CP-1", true);
        fleet.onSession(new SessionEvent(CP1, "tx-1", SessionEvent.Kind.STARTED, T, "RFID", "v1"));
        handOut(11);
        clock.set(T.plusSeconds(1));
        handOut(11);
        // WHEN the station reports 3 kW at the end of the grace (counted from the first hand-out)
        clock.set(T.plus(GRACE));
        meter(3);
        judged.refresh(List.of(V1));
        // THEN the dispatcher sees it, off its setpoint as it is
        assertThat(judged.judgedKw()).containsEntry("v1", 3.0);
    }
}
