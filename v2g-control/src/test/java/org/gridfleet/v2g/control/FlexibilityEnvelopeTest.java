package org.gridfleet.v2g.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.v2g.control.Fixtures.T0;
import static org.gridfleet.v2g.control.Fixtures.vehicle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlexibilityEnvelopeTest {

    @Test
    void computeShouldOfferTheFullRangeWhenAVehicleHasSlack() {
        // GIVEN a V2G vehicle at 50 % (reserve 20 %, target 60 %) leaving in 8 h, baseline idle
        var v = vehicle("v", 0.5, 0.6, 8, 10, 5);
        var tree = LimitTree.of(Fixtures.sites(Fixtures.site(100, 0)));
        // WHEN
        var r = FlexibilityEnvelope.compute(T0, Duration.ofHours(1), 8, List.of(v), tree, Map.of());
        // THEN the first hour spans -5..10 kW: 10 kWh up, 5 kWh down
        var first = r.fleet().get(0);
        assertThat(first.minKw()).isCloseTo(-5, within(1e-9));
        assertThat(first.maxKw()).isCloseTo(10, within(1e-9));
        assertThat(first.upKwh()).isCloseTo(10, within(1e-9));
        assertThat(first.downKwh()).isCloseTo(5, within(1e-9));
        assertThat(r.bySite().get("s1")).hasSize(8);
    }

    @Test
    void computeShouldForceChargingWhenTheIdleBaselineHitsTheLatestStartFloor() {
        // GIVEN an idle baseline: 16 kWh missing, 10 kW charger, 8 h; the floor forces charging late
        var v = vehicle("v", 0.5, 0.9, 8, 10, 0);
        var tree = LimitTree.of(Fixtures.sites(Fixtures.site(100, 0)));
        // WHEN
        var r = FlexibilityEnvelope.compute(T0, Duration.ofHours(1), 8, List.of(v), tree, Map.of());
        // THEN idle until 6 h, then 6 kW and what the lag allowance adds (the floor at 7 h is 26 kWh plus 10 kW times
        // that allowance) and full power in the last hour
        assertThat(r.fleet().get(5).minKw()).isCloseTo(0, within(1e-9));
        assertThat(r.fleet().get(6).minKw()).isCloseTo(6 + 10 * VehicleEnvelope.LAG_ALLOWANCE_HOURS, within(1e-6));
        assertThat(r.fleet().get(7).minKw()).isCloseTo(10, within(1e-6));
        assertThat(r.fleet().get(7).downKwh()).isCloseTo(0, within(1e-6));
    }

    @Test
    void computeShouldCapTheRangeAtTheSiteLimit() {
        // GIVEN two 10 kW chargers behind 15 kW usable with 3 kW base load
        var a = vehicle("a", 0.3, 0.3, 4, 10, 0);
        var b = vehicle("b", 0.3, 0.3, 4, 10, 0);
        var tree = LimitTree.of(Fixtures.sites(Fixtures.site(15, 3)));
        // WHEN
        var r = FlexibilityEnvelope.compute(T0, Duration.ofMinutes(15), 4, List.of(a, b), tree, Map.of());
        // THEN at most 12 kW
        assertThat(r.fleet().get(0).maxKw()).isCloseTo(12, within(1e-9));
    }
}
