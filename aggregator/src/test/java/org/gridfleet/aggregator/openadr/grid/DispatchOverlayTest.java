package org.gridfleet.aggregator.openadr.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.dr.DemandResponseLimit;
import org.gridfleet.market.dr.LimitDirection;
import org.gridfleet.market.dr.PriceSignal;
import org.junit.jupiter.api.Test;

/** OpenADR obligations turned into the dispatcher's limits and prices, checked against hand-computed values. */
class DispatchOverlayTest {

    private static final Instant T17 = Instant.parse("2026-11-28T17:00:00Z");
    private static final Instant T18 = Instant.parse("2026-11-28T18:00:00Z");
    private static final Instant T19 = Instant.parse("2026-11-28T19:00:00Z");
    private static final GridTarget DEPOT = new GridTarget.Site("depot");
    private static final GridTarget PORTFOLIO = new GridTarget.Portfolio();

    @Test
    void ofShouldYieldTightestSiteAndPortfolioCapsWhenEventsOverlap() {
        // GIVEN a 17-19 depot import cap of 150 kW, a 17-18 cap of 100 kW from another event, a 17-19 depot export
        // cap of 30 kW and a 18-19 portfolio import cap of 400 kW
        DispatchOverlay overlay = DispatchOverlay.of(List.of(
                new GridObligation.ImportCapacityLimit("a", DEPOT, T17, T19, 150),
                new GridObligation.ImportCapacityLimit("b", DEPOT, T17, T18, 100),
                new GridObligation.ExportCapacityLimit("a", DEPOT, T17, T19, 30),
                new GridObligation.ImportCapacityLimit("c", PORTFOLIO, T18, T19, 400)));
        // THEN the depot may import min(150, 100) = 100 kW until 18:00, then 150 kW; never export more than 30 kW
        assertThat(overlay.limits().maxKw("depot", T17)).isEqualTo(100);
        assertThat(overlay.limits().maxKw("depot", T18)).isEqualTo(150);
        assertThat(overlay.limits().minKw("depot", T18.plusSeconds(60))).isEqualTo(-30);
        assertThat(overlay.limits().maxKw("depot", T19)).isEqualTo(Double.POSITIVE_INFINITY);
        // AND the portfolio cap is the dispatcher's fleet scope, from 18:00 only
        assertThat(overlay.limits().maxKw(DemandResponseLimit.FLEET, T17)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(overlay.limits().maxKw(DemandResponseLimit.FLEET, T18)).isEqualTo(400);
        assertThat(overlay.notHonoured()).isEmpty();
    }

    @Test
    void ofShouldTurnPricesIntoPriceSignalsPerScopeAndSide() {
        DispatchOverlay overlay = DispatchOverlay.of(List.of(
                new GridObligation.PriceSignal("p", DEPOT, T17, T18, GridObligation.Direction.IMPORT, 0.31, "EUR"),
                new GridObligation.PriceSignal("p", PORTFOLIO, T17, T18, GridObligation.Direction.EXPORT, -0.02, "EUR")));
        assertThat(overlay.prices()).containsExactly(
                new PriceSignal("depot", LimitDirection.IMPORT, 0.31, new DeliveryPeriod(T17, T18)),
                new PriceSignal(DemandResponseLimit.FLEET, LimitDirection.EXPORT, -0.02, new DeliveryPeriod(T17, T18)));
        assertThat(overlay.limits().limits()).isEmpty();
    }

    @Test
    void ofShouldReportAFleetTargetWithTheReasonWhenNoDispatcherScopeMeasuresIt() {
        // GIVEN a cap and a setpoint on a fleet (GROUP target)
        GridObligation fleetCap = new GridObligation.ImportCapacityLimit("f", new GridTarget.Fleet("vans"), T17, T18, 50);
        GridObligation fleetSetpoint = new GridObligation.DispatchSetpoint("f", new GridTarget.Fleet("vans"), T17, T18,
                30, false);
        // WHEN converted
        DispatchOverlay overlay = DispatchOverlay.of(List.of(fleetCap, fleetSetpoint));
        // THEN neither becomes a limit, and both are listed with a reason naming the fleet
        assertThat(overlay.limits().limits()).isEmpty();
        assertThat(overlay.notHonoured()).extracting(DispatchOverlay.NotHonoured::obligation)
                .containsExactly(fleetCap, fleetSetpoint);
        assertThat(overlay.notHonoured().get(0).reason()).contains("GROUP target vans", "share sites");
    }

    @Test
    void ofShouldCapImportAtTheUnshedShareOfTheBaselineWhenASimpleLevelIsInForce() {
        // GIVEN level 2 (shed 50 %) on the depot with a frozen baseline of 84 kW, and level 0 on the portfolio
        GridObligation level2 = new GridObligation.SimpleLevel("l", DEPOT, T17, T18, 2, 0.5);
        GridObligation level0 = new GridObligation.SimpleLevel("n", PORTFOLIO, T17, T18, 0, 0.0);
        DispatchOverlay.Baselines baselines = (event, target) -> event.equals("l") && target.equals(DEPOT) ? 84 : 60;
        // WHEN converted
        DispatchOverlay overlay = DispatchOverlay.of(List.of(level2, level0), baselines, 0.5);
        // THEN the depot may import (1 - 0.5) x 84 = 42 kW in the window, and level 0 asks nothing
        assertThat(overlay.limits().maxKw("depot", T17)).isEqualTo(42);
        assertThat(overlay.limits().maxKw("depot", T18)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(overlay.limits().maxKw(DemandResponseLimit.FLEET, T17)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(overlay.notHonoured()).isEmpty();
    }

    @Test
    void ofShouldWaitForTheBaselineWhenALevelOrRelativeSetpointHasNoneFrozenYet() {
        // GIVEN a level and a relative setpoint whose event has not applied yet
        DispatchOverlay overlay = DispatchOverlay.of(List.of(
                new GridObligation.SimpleLevel("l", DEPOT, T17, T18, 3, 1.0),
                new GridObligation.DispatchSetpoint("r", DEPOT, T17, T18, -10, true)));
        // THEN nothing is in force for them yet, and nothing is reported as refused
        assertThat(overlay.limits().limits()).isEmpty();
        assertThat(overlay.notHonoured()).isEmpty();
    }

    @Test
    void ofShouldBandImportAroundTheSetpointWhenAbsoluteOrRelativeToTheBaseline() {
        // GIVEN an absolute 20 kW setpoint on the depot 17-18 and a -30 kW relative one on the portfolio (baseline 25)
        // 18-19
        DispatchOverlay overlay = DispatchOverlay.of(List.of(
                new GridObligation.DispatchSetpoint("s", DEPOT, T17, T18, 20, false),
                new GridObligation.DispatchSetpoint("r", PORTFOLIO, T18, T19, -30, true)), (e, t) -> 25, 0.5);
        // THEN the depot must import 19.5..20.5 kW, and the portfolio export 4.5..5.5 kW (25 - 30 = -5)
        assertThat(overlay.limits().minKw("depot", T17)).isEqualTo(19.5);
        assertThat(overlay.limits().maxKw("depot", T17)).isEqualTo(20.5);
        assertThat(overlay.limits().minKw(DemandResponseLimit.FLEET, T18)).isEqualTo(-5.5);
        assertThat(overlay.limits().maxKw(DemandResponseLimit.FLEET, T18)).isEqualTo(-4.5);
    }

    @Test
    void ofShouldLowerASiteFloorUnderAPortfolioCapWhenTheyOverlap() {
        // GIVEN a 20 kW depot setpoint and a 12 kW portfolio cap over the same hour
        DispatchOverlay overlay = DispatchOverlay.of(List.of(
                new GridObligation.DispatchSetpoint("s", DEPOT, T17, T18, 20, false),
                new GridObligation.ImportCapacityLimit("c", PORTFOLIO, T17, T18, 12)), DispatchOverlay.Baselines.NONE, 0.5);
        // THEN the depot's floor drops to 12 - 1 = 11 kW: the portfolio cap outranks the site's setpoint
        assertThat(overlay.limits().minKw("depot", T17)).isEqualTo(11);
    }

    @Test
    void ofShouldKeepASetpointFloorTwoBandsUnderAnOverlappingCapWhenACapIsLower() {
        // GIVEN a 40 kW depot setpoint 17-19 and a 30 kW depot cap from another event 18-19
        DispatchOverlay overlay = DispatchOverlay.of(List.of(
                new GridObligation.DispatchSetpoint("s", DEPOT, T17, T19, 40, false),
                new GridObligation.ImportCapacityLimit("c", DEPOT, T18, T19, 30)), DispatchOverlay.Baselines.NONE, 0.5);
        // THEN the floor never lifts the depot over the cap: the cap wins (30 - 2 x 0.5 = 29 kW floor over the window)
        assertThat(overlay.limits().maxKw("depot", T18)).isEqualTo(30);
        assertThat(overlay.limits().minKw("depot", T18)).isEqualTo(29);
        assertThat(overlay.limits().minKw("depot", T17)).isEqualTo(29);
    }
}
