package org.gridfleet.aggregator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.aggregator.dispatch.DispatchFixtures.T0;
import static org.gridfleet.aggregator.dispatch.DispatchFixtures.depot;
import static org.gridfleet.aggregator.dispatch.DispatchFixtures.fcr;
import static org.gridfleet.aggregator.dispatch.DispatchFixtures.regulation;
import static org.gridfleet.aggregator.dispatch.DispatchFixtures.sum;
import static org.gridfleet.aggregator.dispatch.DispatchFixtures.van;
import static org.gridfleet.aggregator.dispatch.DispatchFixtures.vans;

import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.dr.DemandResponseLimit;
import org.gridfleet.market.dr.DemandResponseLimits;
import org.gridfleet.market.dr.LimitDirection;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.VehicleState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Scripted control ticks with an injected clock: GIVEN signal samples, THEN setpoints. */
class DispatcherTest {

    private static final Duration STEP = Duration.ofSeconds(2);

    private final SettableClock clock = new SettableClock(T0);
    /** What the chargers were last told (the plant in these tests follows at once unless stuck). */
    private final Map<String, Double> inForce = new HashMap<>();
    /** The setpoints handed over in the last tick. */
    private final Map<String, Double> sentThisTick = new LinkedHashMap<>();
    private final AtomicLong nanos = new AtomicLong();

    private Dispatcher dispatcher(DispatchConfig config, SocBalancing balancing, DispatchMetrics metrics) {
        return new Dispatcher(config, balancing, (id, kw) -> {
            sentThisTick.put(id, kw);
            inForce.put(id, kw);
            nanos.addAndGet(1_000);
        }, metrics, clock, nanos::get);
    }

    private Dispatcher dispatcher() {
        return dispatcher(DispatchConfig.ofDefaults(), SocBalancing.off(), DispatchMetrics.NOOP);
    }

    private DispatchRecord signal(Dispatcher d, String obligation, double value, FleetSnapshot fleet) {
        sentThisTick.clear();
        return d.onSignal(obligation, value, fleet);
    }

    private FleetSnapshot fleet(List<VehicleState> vehicles, Map<String, SiteState> sites,
                                Map<String, Double> metered) {
        return FleetSnapshot.of(vehicles, sites, Map.of(), metered);
    }

    @Test
    void onSignalShouldRequestBaselineMinusSignalTimesAwardWhenRegulationIsActive() {
        // GIVEN ten idle V2G vans, a 40 kW regulation award on a 0 kW baseline
        Dispatcher d = dispatcher();
        d.activate(regulation(40, 0));
        FleetSnapshot f = fleet(vans(10, 0.5), depot(200), inForce);
        // WHEN the signal asks for half of regulation up
        DispatchRecord r = signal(d, "reg-1", 0.5, f);
        // THEN the fleet is asked to export 20 kW and the setpoints sum to it
        assertThat(r.requestedKw()).isEqualTo(-20.0);
        assertThat(r.baselineKw()).isZero();
        assertThat(sum(inForce)).isCloseTo(-20.0, within(1e-6));
        assertThat(r.undeliverable()).isFalse();
        // AND regulation down follows the next sample
        clock.advance(STEP);
        DispatchRecord down = signal(d, "reg-1", -0.75, f);
        assertThat(down.requestedKw()).isEqualTo(30.0);
        assertThat(sum(inForce)).isCloseTo(30.0, within(1e-6));
    }

    @Test
    void onSignalShouldSendNothingWhenTheChangeIsInsideTheHysteresisBand() {
        // GIVEN a fleet following +0.5 of a 40 kW award
        Dispatcher d = dispatcher();
        d.activate(regulation(40, 0));
        FleetSnapshot f = fleet(vans(10, 0.5), depot(200), inForce);
        signal(d, "reg-1", 0.5, f);
        Map<String, Double> before = Map.copyOf(inForce);
        // WHEN the signal moves by 0.2 kW of request (band 0.5 kW)
        clock.advance(STEP);
        DispatchRecord r = signal(d, "reg-1", 0.505, f);
        // THEN no setpoint is handed over
        assertThat(r.setpointsSent()).isZero();
        assertThat(sentThisTick).isEmpty();
        assertThat(inForce).isEqualTo(before);
    }

    @Test
    void onSignalShouldMoveOnlyAFewVehiclesWhenTheSignalStepsModestly() {
        // GIVEN 50 vans following r = 0.2 of 100 kW
        Dispatcher d = dispatcher();
        d.activate(regulation(100, 0));
        FleetSnapshot f = fleet(vans(50, 0.5), depot(500), inForce);
        signal(d, "reg-1", 0.2, f);
        // WHEN r steps to 0.3 (10 kW more export)
        clock.advance(STEP);
        DispatchRecord r = signal(d, "reg-1", 0.3, f);
        // THEN the change is carried by a handful of vehicles, each change beyond the band
        assertThat(r.setpointsSent()).isBetween(1, 4);
        assertThat(sum(inForce)).isCloseTo(-30.0, within(1e-6));
    }

    @Test
    void tickShouldFlagUndeliverableAndKeepReservesWhenTheRequestExceedsTheFleet() {
        // GIVEN two vans just above their reserve and a 40 kW award
        Dispatcher d = dispatcher();
        d.activate(regulation(40, 0));
        FleetSnapshot f = fleet(List.of(van("a", 0.2005), van("b", 0.2005)), depot(200), inForce);
        // WHEN full regulation up is asked (export 40 kW)
        DispatchRecord r = signal(d, "reg-1", 1.0, f);
        // THEN neither van could cross its reserve if it held its setpoint for the hold time, and the tick is flagged
        double hours = DispatchConfig.ofDefaults().holdFor().toSeconds() / 3600.0;
        double reserveRoomKwh = (0.2005 - 0.2) * 60;
        assertThat(inForce.values()).allSatisfy(kw ->
                assertThat(-kw / 0.93 * hours).isLessThanOrEqualTo(reserveRoomKwh + 1e-9));
        assertThat(r.undeliverable()).isTrue();
        assertThat(r.undeliverableKw()).isGreaterThan(35.0);
    }

    @Test
    void tickShouldNeverExceedTheSiteLimitWhenRegulationDownAsksForMore() {
        // GIVEN ten vans on a 30 kW connection and a 100 kW award
        Dispatcher d = dispatcher();
        d.activate(regulation(100, 0));
        FleetSnapshot f = fleet(vans(10, 0.5), depot(30), inForce);
        // WHEN full regulation down is asked (import 100 kW)
        DispatchRecord r = signal(d, "reg-1", -1.0, f);
        // THEN the site takes at most its limit and the shortfall is reported
        assertThat(sum(inForce)).isLessThanOrEqualTo(30.0 + 1e-6);
        assertThat(r.undeliverableKw()).isCloseTo(70.0, within(1e-6));
    }

    @Test
    void tickShouldCapSiteImportWhenADemandResponseLimitApplies() {
        // GIVEN a 10 kW base load and an import cap of 25 kW on the site during the hour
        Dispatcher d = dispatcher();
        d.activate(regulation(40, 10));
        d.limits(new DemandResponseLimits(List.of(new DemandResponseLimit("depot", LimitDirection.IMPORT, 25,
                DispatchFixtures.HOUR))));
        Map<String, SiteState> sites = Map.of("depot", new SiteState("depot", 200, 0, 10, 0));
        FleetSnapshot f = fleet(vans(10, 0.5), sites, inForce);
        // WHEN regulation down asks the EVs for 10 + 40 = 50 kW
        DispatchRecord r = signal(d, "reg-1", -1.0, f);
        // THEN EV import stays under 25 - 10 = 15 kW, aimed a hysteresis band inside so the cap is never crossed
        double band = DispatchConfig.ofDefaults().hysteresisKw();
        assertThat(r.requestedKw()).isEqualTo(50.0);
        assertThat(r.targetKw()).isCloseTo(15.0 - band, within(1e-6));
        assertThat(sum(inForce)).isBetween(15.0 - 1.5 * band, 15.0);
        assertThat(r.undeliverable()).isTrue();
    }

    @Test
    void onSignalShouldLowerImportWhenFrequencyFallsUnderFcr() {
        // GIVEN 30 kW of FCR on a 20 kW charging baseline
        Dispatcher d = dispatcher();
        d.activate(fcr(30, 20));
        FleetSnapshot f = fleet(vans(10, 0.5), depot(200), inForce);
        // WHEN the frequency is 49.9 Hz (half activation, up)
        DispatchRecord r = signal(d, "fcr-1", 49.9, f);
        // THEN import drops by 15 kW
        assertThat(r.requestedKw()).isCloseTo(5.0, within(1e-9));
        assertThat(sum(inForce)).isCloseTo(5.0, within(1e-6));
    }

    @Test
    void tickShouldRedispatchTheShareOfAVehicleThatDoesNotFollow() {
        // GIVEN five vans on a 200 kW site and a 20 kW award; van v00 is stuck at 0 kW whatever it is told
        // WHEN the signal asks for 20 kW of import for several ticks and v00 never moves
        DispatchRecord r = followWithV00Stuck(20, 200);
        // THEN v00 is excluded and the others carry the whole 20 kW
        assertThat(r.nonResponders()).isEqualTo(1);
        double others = inForce.entrySet().stream().filter(e -> !e.getKey().equals("v00"))
                .mapToDouble(Map.Entry::getValue).sum();
        assertThat(others).isCloseTo(20.0, within(1e-6));
        assertThat(r.allocatedKw()).isCloseTo(20.0, within(1e-6));
        assertThat(r.undeliverable()).isFalse();
    }

    @Test
    void tickShouldNotHandOutTheSiteRoomANonResponderMayStillTakeWhenTheSiteLimitBinds() {
        // GIVEN five 7 kW vans on a 20 kW site and a 30 kW award; van v00 draws nothing whatever it is allowed
        // WHEN the signal asks for all the import it can get and v00 stays at 0 kW
        DispatchRecord r = followWithV00Stuck(30, 20);
        // THEN v00 is excluded, yet the setpoints in force still fit the site: it may draw its own at any moment
        assertThat(r.nonResponders()).isEqualTo(1);
        assertThat(inForce.get("v00")).isPositive();
        assertThat(sum(inForce)).isLessThanOrEqualTo(20 + 1e-6);
    }

    /**
     * Five vans at half charge on one site follow a {@code awardKw} regulation award at full "more import" for eight
     * ticks; all meter at their setpoints except v00, which stays at 0 kW. Returns the last tick's record.
     */
    private DispatchRecord followWithV00Stuck(double awardKw, double siteLimitKw) {
        DispatchConfig config = DispatchConfig.ofDefaults().withResponseGrace(Duration.ofSeconds(2));
        Dispatcher d = dispatcher(config, SocBalancing.off(), DispatchMetrics.NOOP);
        d.activate(regulation(awardKw, 0));
        Map<String, Double> metered = new HashMap<>();
        FleetSnapshot f = fleet(vans(5, 0.5), depot(siteLimitKw), metered);
        DispatchRecord r = null;
        for (int t = 0; t < 8; t++) {
            r = signal(d, "reg-1", -1.0, f);
            metered.clear();
            metered.putAll(inForce);
            metered.put("v00", 0.0);
            clock.advance(STEP);
        }
        return r;
    }

    @Test
    void tickShouldReadmitAVehicleWhenItFollowsItsSetpointAgain() {
        // GIVEN v00 excluded for ignoring its setpoint
        DispatchConfig config = DispatchConfig.ofDefaults().withResponseGrace(Duration.ofSeconds(2));
        Dispatcher d = dispatcher(config, SocBalancing.off(), DispatchMetrics.NOOP);
        d.activate(regulation(20, 0));
        Map<String, Double> metered = new HashMap<>();
        FleetSnapshot f = fleet(vans(5, 0.5), depot(200), metered);
        double v00Told = Double.NaN;
        for (int t = 0; t < 6; t++) {
            signal(d, "reg-1", -1.0, f);
            v00Told = inForce.get("v00");
            metered.clear();
            metered.putAll(inForce);
            metered.put("v00", 0.0);
            clock.advance(STEP);
        }
        assertThat(v00Told).isGreaterThan(1.0);
        // WHEN v00 reaches its last setpoint
        metered.put("v00", v00Told);
        DispatchRecord r = signal(d, "reg-1", -1.0, f);
        // THEN it counts as following again
        assertThat(r.nonResponders()).isZero();
    }

    @Test
    void tickShouldAddTheSettledShortfallOfLaggingVehiclesToTheTarget() {
        // GIVEN vans that each deliver 0.5 kW less than told (within the tolerance, so nobody is excluded)
        DispatchConfig config = DispatchConfig.ofDefaults().withResponseGrace(Duration.ofSeconds(2));
        Dispatcher d = dispatcher(config, SocBalancing.off(), DispatchMetrics.NOOP);
        d.activate(regulation(40, 0));
        Map<String, Double> metered = new HashMap<>();
        FleetSnapshot f = fleet(vans(10, 0.5), depot(200), metered);
        DispatchRecord r = null;
        for (int t = 0; t < 4; t++) {
            r = signal(d, "reg-1", -0.5, f);
            metered.clear();
            inForce.forEach((id, kw) -> metered.put(id, kw == 0 ? 0 : kw - 0.5));
            clock.advance(STEP);
        }
        // THEN the target rises above the 20 kW request by the observed shortfall
        assertThat(r.nonResponders()).isZero();
        assertThat(r.requestedKw()).isEqualTo(20.0);
        assertThat(r.targetKw()).isGreaterThan(21.0);
    }

    @Test
    void tickShouldReportLatencyTrackingAndUndeliverableToMetrics() {
        // GIVEN a recording metrics port
        double[] seen = new double[3];
        long[] latency = new long[1];
        DispatchMetrics m = (lat, track, undeliv, sent, nonResp) -> {
            latency[0] = lat;
            seen[0] = track;
            seen[1] = undeliv;
            seen[2] = sent;
        };
        Dispatcher d = dispatcher(DispatchConfig.ofDefaults(), SocBalancing.off(), m);
        d.activate(regulation(40, 0));
        Map<String, Double> metered = new HashMap<>();
        for (VehicleState v : vans(4, 0.5)) {
            metered.put(v.vehicleId(), 0.0);
        }
        FleetSnapshot f = fleet(vans(4, 0.5), depot(200), metered);
        // WHEN r = -0.5 asks for 20 kW and the sink takes 1 µs per setpoint
        DispatchRecord r = signal(d, "reg-1", -0.5, f);
        // THEN latency covers every hand-over and tracking compares the request with the meter
        assertThat(latency[0]).isEqualTo(1_000L * r.setpointsSent());
        assertThat(seen[0]).isCloseTo(20.0, within(1e-9));
        assertThat(seen[1]).isCloseTo(0.0, within(1e-6));
        assertThat((int) seen[2]).isEqualTo(r.setpointsSent());
    }

    @Test
    void tickShouldFollowThePlanWhenNoObligationIsInItsPeriod() {
        // GIVEN an obligation for a later hour and a plan of 3 kW per van
        Dispatcher d = dispatcher();
        d.activate(regulation(40, 0));
        clock.advance(Duration.ofHours(2));
        List<VehicleState> vans = vans(3, 0.5);
        Map<String, Double> plan = Map.of("v00", 3.0, "v01", 3.0, "v02", 3.0);
        FleetSnapshot f = new FleetSnapshot(vans, depot(200), List.of(), Map.of(), plan, inForce);
        // WHEN a tick runs
        DispatchRecord r = d.tick(f, 0);
        // THEN the plan goes out unchanged
        assertThat(inForce).isEqualTo(plan);
        assertThat(r.requestedKw()).isCloseTo(9.0, within(1e-9));
    }

    @Test
    void tickShouldLeanTowardsImportWhenTheFleetRunsShortOfDownHeadroom() {
        // GIVEN nearly empty vans (just above reserve) with balancing on
        SocBalancing balancing = new SocBalancing(0, 0.4, 0.05, Duration.ofMinutes(30), Duration.ofSeconds(30));
        Dispatcher d = dispatcher(DispatchConfig.ofDefaults(), balancing, DispatchMetrics.NOOP);
        d.activate(regulation(40, 0));
        FleetSnapshot f = fleet(vans(10, 0.21), depot(200), inForce);
        // WHEN the signal is neutral
        DispatchRecord r = signal(d, "reg-1", 0, f);
        // THEN the target leans towards import, by at most 5 % of the award
        assertThat(r.targetKw()).isGreaterThan(0).isLessThanOrEqualTo(2.0 + 1e-9);
    }

    @Test
    void updateSignalShouldRejectUnknownObligationWhenNotActivated() {
        Dispatcher d = dispatcher();
        assertThatThrownBy(() -> d.updateSignal("nope", 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("obligationId nope");
    }

    @Test
    void activateShouldRejectADuplicateObligationId() {
        Dispatcher d = dispatcher();
        d.activate(regulation(40, 0));
        assertThatThrownBy(() -> d.activate(regulation(10, 0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already active");
    }

    @Test
    void constructorShouldRejectANegativeHysteresisBand() {
        assertThatThrownBy(() -> DispatchConfig.ofDefaults().withHysteresisKw(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hysteresisKw");
    }

    @Test
    void activeObligationShouldRejectABaselineThatDoesNotCoverThePeriod() {
        var later = DeliveryPeriod.of(T0.plus(Duration.ofHours(1)), Duration.ofHours(1));
        assertThatThrownBy(() -> new ActiveObligation("x", org.gridfleet.market.ProductKind.REGULATION, 10,
                org.gridfleet.market.Baseline.flat(DispatchFixtures.HOUR, 0), later,
                org.gridfleet.market.fcr.FcrDroop.ofDefaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseline");
    }
}
