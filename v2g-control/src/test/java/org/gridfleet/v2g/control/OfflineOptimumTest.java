package org.gridfleet.v2g.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.v2g.control.Fixtures.T0;
import static org.gridfleet.v2g.control.Fixtures.at;
import static org.gridfleet.v2g.control.Fixtures.vehicle;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineOptimumTest {

    @Test
    void solveShouldNotDrawAboveTheSiteLimitWhenAVehicleIsPluggedInForPartOfAStep() {
        // GIVEN a 50 kW charger behind a 20 kW site limit, plugged in from minute 3 to 15 of one 15-minute step:
        // at most 20 kW x 0.2 h = 4 kWh; the step average alone would allow 20 / 0.8 = 25 kW, i.e. 5 kWh
        var tooMuch = vehicle("tooMuch", 0.5, 0.62, 0.25, 50, 0);
        var enough = new PlannedVehicle(vehicle("enough", 0.5, 0.59, 0.25, 50, 0), at(0.05));
        // WHEN each is planned alone
        var over = OfflineOptimum.solve(List.of(new PlannedVehicle(tooMuch, at(0.05))),
                Fixtures.sites(Fixtures.site(20, 0)), Fixtures.flat(0.2, 0), T0, at(0.25), Duration.ofMinutes(15));
        var within = OfflineOptimum.solve(List.of(enough), Fixtures.sites(Fixtures.site(20, 0)),
                Fixtures.flat(0.2, 0), T0, at(0.25), Duration.ofMinutes(15));
        // THEN 4.8 kWh is out of reach, 3.6 kWh is not
        assertThat(over.infeasibleVehicles()).containsExactly("tooMuch");
        assertThat(within.infeasibleVehicles()).isEmpty();
    }

    @Test
    void solveShouldChargeInTheCheapHoursWhenPricesDropLater() {
        // GIVEN 16 kWh needed by 08:00, 0.30/kWh until 04:00 and 0.10/kWh after
        var v = vehicle("v1", 0.5, 0.9, 8, 10, 0);
        // WHEN
        var r = OfflineOptimum.solve(List.of(new PlannedVehicle(v, T0)), Fixtures.sites(Fixtures.site(100, 0)),
                Fixtures.twoPrice(0.30, 4, 0.10), T0, at(8), Duration.ofHours(1));
        // THEN all 16 kWh come in the cheap hours
        assertThat(r.importCost()).isCloseTo(1.6, within(1e-6));
        assertThat(Arrays.copyOfRange(r.siteImportKw().get("s1"), 0, 4)).containsOnly(0.0);
        assertThat(r.infeasibleVehicles()).isEmpty();
    }

    @Test
    void solveShouldFlattenThePeakWhenADemandChargeApplies() {
        // GIVEN two vehicles needing 20 kWh each within 4 h, 20 kW chargers, flat price
        var a = vehicle("a", 0.2, 0.7, 4, 20, 0);
        var b = vehicle("b", 0.2, 0.7, 4, 20, 0);
        // WHEN
        var r = OfflineOptimum.solve(List.of(new PlannedVehicle(a, T0), new PlannedVehicle(b, T0)),
                Fixtures.sites(Fixtures.site(100, 0)), Fixtures.flat(0.2, 10), T0, at(4), Duration.ofMinutes(15));
        // THEN 40 kWh over 4 h at a flat 10 kW, the least possible peak
        assertThat(Arrays.stream(r.siteImportKw().get("s1")).max().orElseThrow()).isCloseTo(10, within(1e-6));
        assertThat(r.demandCharge()).isCloseTo(100, within(1e-6));
        assertThat(r.importCost()).isCloseTo(8, within(1e-6));
    }

    @Test
    void solveShouldUseTheMonthsPeakSoFarWhenFlatteningWouldSaveNothing() {
        // GIVEN the same two vehicles, cheap energy in the second half, and a 20 kW peak already set this month
        var a = vehicle("a", 0.2, 0.7, 4, 20, 0);
        var b = vehicle("b", 0.2, 0.7, 4, 20, 0);
        var site = new SiteState("s1", 100, 0, 0, 20);
        // WHEN
        var r = OfflineOptimum.solve(List.of(new PlannedVehicle(a, T0), new PlannedVehicle(b, T0)),
                Fixtures.sites(site), new Tariff(Fixtures.twoPrice(0.3, 2, 0.1).importPrice(),
                        PriceCurve.constant(0), 10), T0, at(4), Duration.ofMinutes(15));
        // THEN it charges 40 kWh in the 2 cheap hours at 20 kW, within the existing peak: no extra demand charge
        assertThat(Arrays.stream(r.siteImportKw().get("s1")).max().orElseThrow()).isCloseTo(20, within(1e-6));
        assertThat(r.importCost()).isCloseTo(4, within(1e-6));
        assertThat(r.demandCharge()).isCloseTo(200, within(1e-6));
    }

    @Test
    void solveShouldReportAndDeliverBestEffortWhenTargetIsUnreachable() {
        // GIVEN 30 kWh needed within 2 h at 10 kW
        var v = vehicle("late", 0.15, 0.9, 2, 10, 0);
        // WHEN
        var r = OfflineOptimum.solve(List.of(new PlannedVehicle(v, T0)), Fixtures.sites(Fixtures.site(100, 0)),
                Fixtures.flat(0.2, 0), T0, at(2), Duration.ofMinutes(15));
        // THEN it is listed, and it charged the full 20 kWh it could
        assertThat(r.infeasibleVehicles()).containsExactly("late");
        assertThat(r.shortfallKwh().get("late")).isCloseTo(10, within(1e-6));
        assertThat(r.importCost()).isCloseTo(4, within(1e-6));
    }

    @Test
    void solveShouldExportWhenDischargeEarnsMoreThanItCosts() {
        // GIVEN a V2G vehicle above its target, export 0.40 then import 0.10, full again by 4h
        var v = vehicle("v2g", 0.8, 0.8, 4, 10, 10);
        var tariff = new Tariff(Fixtures.twoPrice(0.5, 2, 0.1).importPrice(),
                new PriceCurve(List.of(new PriceCurve.Step(T0, 0.4), new PriceCurve.Step(at(2), 0.0))), 0);
        // WHEN
        var r = OfflineOptimum.solve(List.of(new PlannedVehicle(v, T0)), Fixtures.sites(Fixtures.site(100, 0)),
                tariff, T0, at(4), Duration.ofHours(1));
        // THEN it discharges in the first hours and recharges cheaply, ending at its target
        assertThat(r.exportRevenue()).isGreaterThan(0);
        assertThat(r.totalCost()).isLessThan(0);
        assertThat(r.infeasibleVehicles()).isEmpty();
    }

    @Test
    void solveShouldRejectAnEmptyWindow() {
        assertThatThrownBy(() -> OfflineOptimum.solve(List.of(), Fixtures.sites(Fixtures.site(10, 0)),
                Fixtures.flat(0.1, 0), T0, T0, Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start < end");
    }
}
