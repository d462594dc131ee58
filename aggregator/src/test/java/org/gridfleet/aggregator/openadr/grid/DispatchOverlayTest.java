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
        assertThat(overlay.notMapped()).isEmpty();
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
    void ofShouldListWhatTheDispatcherCannotTakeWhenFleetTargetedOrSetpointOrLevel() {
        // GIVEN a cap on a fleet (no dispatcher scope), a setpoint and a SIMPLE level (they need a baseline)
        GridObligation fleetCap = new GridObligation.ImportCapacityLimit("f", new GridTarget.Fleet("vans"), T17, T18, 50);
        GridObligation setpoint = new GridObligation.DispatchSetpoint("s", DEPOT, T17, T18, 80, false);
        GridObligation level = new GridObligation.SimpleLevel("l", PORTFOLIO, T17, T18, 2, 0.5);
        // WHEN converted
        DispatchOverlay overlay = DispatchOverlay.of(List.of(fleetCap, setpoint, level));
        // THEN none becomes a limit or price, and all three are listed, in order, for the caller to honour or report
        assertThat(overlay.limits().limits()).isEmpty();
        assertThat(overlay.prices()).isEmpty();
        assertThat(overlay.notMapped()).containsExactly(fleetCap, setpoint, level);
    }
}
