package org.gridfleet.aggregator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.aggregator.sim.Scenarios.START;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridfleet.v2g.control.VehicleEnvelope;
import org.gridfleet.v2g.control.VehicleState;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    private static final Instant END = START.plus(Duration.ofHours(2));

    private static Scenario twoSmallVehicles(List<Scenario.Market> markets) {
        return Scenarios.scenario(END, 60, List.of(Scenarios.site("s", 10, 5, 0)),
                List.of(Scenarios.vehicle("a", "s", 10, 6, START, END, 0.5, 0.9),
                        Scenarios.vehicle("b", "s", 10, 6, START, END, 0.5, 0.9)),
                markets, Scenarios.idealChargers(), 0.2, 10);
    }

    @Test
    void runShouldReportHandComputedDumbChargingWhenTheFleetChargesAtFullPower() {
        // GIVEN two 10 kWh vehicles at 50 %, 6 kW each, under a 10 kW limit, 0.20/kWh, 10/kW demand charge
        Scenario scenario = twoSmallVehicles(List.of());
        // WHEN simulated
        SimulationReport report = Simulator.withControlCore(Clock.systemUTC())
                .run(scenario, SiteTargetSource.NONE, null, null);
        // THEN dumb: 12 kW for 50 min (5 kWh each to full), 10 kWh x 0.20, peak quarter 12 kW x 10
        SimulationReport.DumbCharging dumb = report.dumbCharging();
        assertThat(dumb.peakKw()).isCloseTo(12, within(1e-9));
        assertThat(dumb.cost().energy()).isCloseTo(2.0, within(1e-9));
        assertThat(dumb.cost().demandCharge()).isCloseTo(120, within(1e-6));
        assertThat(dumb.cost().total()).isCloseTo(122, within(1e-6));
        assertThat(dumb.violations().siteLimit()).isEqualTo(50);
        assertThat(dumb.violations().departure()).isZero();
    }

    @Test
    void runShouldMeetEveryTargetWithinTheLimitWhenTheControlCoreDrives() {
        // GIVEN the same fleet
        Scenario scenario = twoSmallVehicles(List.of());
        // WHEN simulated
        SimulationReport report = Simulator.withControlCore(Clock.systemUTC())
                .run(scenario, SiteTargetSource.NONE, null, null);
        // THEN no violation, both at target, 4 kWh each drawn (at most the lag allowance at 6 kW more: the last
        // step aims at the target that early), and the peak within 95 % of 10 kW
        double allowanceKwh = 6 * VehicleEnvelope.LAG_ALLOWANCE_HOURS;
        assertThat(report.violations()).isEqualTo(new SimulationReport.Violations(0, 0, 0, 0));
        assertThat(report.vehicles()).allSatisfy(v -> {
            assertThat(v.metTarget()).isTrue();
            assertThat(v.chargedKwh()).isBetween(4 - 0.01, 4 + allowanceKwh + 0.01);
        });
        assertThat(report.sites().get(0).peakKw()).isLessThanOrEqualTo(9.5 + 1e-9);
        assertThat(report.cost().energy()).isCloseTo(8 * 0.2, within(0.01));
    }

    @Test
    void runShouldHonourADrImportLimitWhenTheWindowIsActive() {
        // GIVEN a 3 kW import limit in the first hour
        Scenario.Market dr = new Scenario.Market("dr-import-limit", START, START.plus(Duration.ofHours(1)), null,
                null, null, "s", 3.0);
        Scenario scenario = twoSmallVehicles(List.of(dr));
        StringWriter trace = new StringWriter();
        // WHEN simulated with a trace
        SimulationReport report = Simulator.withControlCore(Clock.systemUTC())
                .run(scenario, SiteTargetSource.NONE, new TraceWriter(trace), null);
        // THEN no DR violation, targets met, and every traced step in the window is at or below 3 kW
        assertThat(report.violations().drLimit()).isZero();
        assertThat(report.violations().departure()).isZero();
        List<String> rows = trace.toString().lines().skip(1).toList();
        assertThat(rows).hasSize(120);
        for (String row : rows.subList(0, 60)) {
            assertThat(Double.parseDouble(row.split(",")[2])).isLessThanOrEqualTo(3.0);
        }
    }

    @Test
    void runShouldShowAVehicleToTheControllerOnlyFromItsArrivalWhenVehiclesArriveLater() {
        // GIVEN one vehicle arriving after an hour, one at the start
        Instant later = START.plus(Duration.ofMinutes(61));
        Scenario scenario = Scenarios.scenario(END, 60, List.of(Scenarios.site("s", 20, 5, 0)),
                List.of(Scenarios.vehicle("early", "s", 10, 6, START, END, 0.5, 0.9),
                        Scenarios.vehicle("late", "s", 10, 6, later, END, 0.5, 0.9)),
                List.of(), Scenarios.idealChargers(), 0.2, 0);
        List<String> seenTooEarly = new ArrayList<>();
        Simulator simulator = new Simulator(() -> input -> {
            for (VehicleState v : input.vehicles()) {
                if (v.vehicleId().equals("late") && input.now().isBefore(later)) {
                    seenTooEarly.add(input.now().toString());
                }
            }
            return Map.of();
        }, WearPrices.ofDefaults(), Clock.systemUTC());
        // WHEN simulated
        simulator.run(scenario, SiteTargetSource.NONE, null, null);
        // THEN the late vehicle was never visible before it arrived
        assertThat(seenTooEarly).isEmpty();
    }

    @Test
    void runShouldNeverDischargeAVehicleWhenItsOwnerBudgetIsExhausted() {
        // GIVEN two identical V2G vans under a tariff that pays for evening export; b's daily cycle cap is used up
        Instant leave = START.plus(Duration.ofHours(8));
        Scenario scenario = new Scenario("budget", START, leave, 60, List.of(Scenarios.site("s", 50, 5, 0)),
                Scenarios.eveningPeakTariff(2), List.of(Scenarios.v2gVehicle("a", "s", START, leave, 0.8, null),
                        Scenarios.v2gVehicle("b", "s", START, leave, 0.8,
                                new Scenario.Budget("daily-extra-cycles", 0.5, 0.5))),
                List.of(), Scenarios.idealChargers());
        // WHEN simulated with the control core
        SimulationReport report = Simulator.withControlCore(Clock.systemUTC())
                .run(scenario, SiteTargetSource.NONE, null, null);
        // THEN a sells energy in the evening, b never discharges, and both leave at target
        assertThat(report.vehicles().get(0).dischargedKwh()).isGreaterThan(1);
        assertThat(report.vehicles().get(1).dischargedKwh()).isZero();
        assertThat(report.vehicles()).allSatisfy(v -> assertThat(v.metTarget()).as(v.id()).isTrue());
    }

    @Test
    void runShouldStopDischargingAVehicleWhenItsBudgetRunsOutDuringTheRun() {
        // GIVEN one V2G van whose daily cap allows 0.1 extra cycles (6 kWh out of its 60 kWh battery) today
        Instant leave = START.plus(Duration.ofHours(8));
        Scenario scenario = new Scenario("budget", START, leave, 60, List.of(Scenarios.site("s", 50, 5, 0)),
                Scenarios.eveningPeakTariff(2), List.of(Scenarios.v2gVehicle("a", "s", START, leave, 0.8,
                        new Scenario.Budget("daily-extra-cycles", 0.1, 0.0))),
                List.of(), Scenarios.idealChargers());
        // WHEN simulated
        SimulationReport report = Simulator.withControlCore(Clock.systemUTC())
                .run(scenario, SiteTargetSource.NONE, null, null);
        // THEN it discharges, but no more than the 6 kWh its budget allows
        assertThat(report.vehicles().get(0).dischargedKwh()).isGreaterThan(1).isLessThanOrEqualTo(6 + 1e-6);
    }

    @Test
    void runShouldCountReserveViolationsAndDegradationWhenAControllerDischargesBelowReserve() {
        // GIVEN a V2G vehicle at 25 % with reserve 20 % and a controller that always discharges 6 kW
        Scenario.Vehicle v = new Scenario.Vehicle("v", "s", 10.0, "NMC", 6.0, 6.0, START, END, 0.25, 0.2, 0.2,
                true);
        Scenario scenario = Scenarios.scenario(END, 60, List.of(Scenarios.site("s", 20, 5, 0)), List.of(v),
                List.of(), Scenarios.idealChargers(), 0.2, 0);
        Simulator simulator = new Simulator(() -> input -> Map.of("v", -6.0), WearPrices.ofDefaults(),
                Clock.systemUTC());
        // WHEN simulated
        SimulationReport report = simulator.run(scenario, SiteTargetSource.NONE, null, null);
        // THEN 0.5 kWh above reserve lasts 5 min (0.1 kWh/min); the next 20 steps drain 2 kWh below reserve
        assertThat(report.violations().reserve()).isEqualTo(20);
        assertThat(report.vehicles().get(0).dischargedKwh()).isCloseTo(2.5, within(1e-9));
        assertThat(report.vehicles().get(0).minSoc()).isZero();
        double pricePerKwh = WearPrices.ofDefaults().perKwh(v);
        assertThat(pricePerKwh).isPositive();
        assertThat(report.cost().degradation()).isCloseTo(2.5 * pricePerKwh, within(1e-9));
    }
}
