package org.gridfleet.aggregator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.aggregator.sim.Scenarios.START;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LpOfflineOptimumTest {
    private static final Instant END = START.plus(Duration.ofHours(2));

    /** One 10 kWh vehicle from 50 % to 90 % (4 kWh), 0.30/kWh in the first hour and 0.10 in the second. */
    private static Scenario cheapSecondHour(double demandChargePerKw, double baseLoadKw) {
        return new Scenario("optimum", START, END, 60, List.of(Scenarios.site("s", 20, 5, baseLoadKw)),
                new Scenario.TariffSpec(List.of(new Scenario.TimedPrice(START, 0.30),
                        new Scenario.TimedPrice(START.plus(Duration.ofHours(1)), 0.10)),
                        List.of(new Scenario.TimedPrice(START, 0.0)), demandChargePerKw),
                List.of(Scenarios.vehicle("a", "s", 10, 6, START, END, 0.5, 0.9)), List.of(),
                Scenarios.idealChargers());
    }

    @Test
    void solveShouldBuyEveryKwhInTheCheapHourWhenThereIsTimeEnough() {
        // GIVEN 4 kWh to charge and a cheap second hour, no demand charge
        // WHEN solved with perfect foresight
        SimulationReport.OptimumCost optimum = new LpOfflineOptimum(WearPrices.ofDefaults())
                .solve(cheapSecondHour(0, 0));
        SimulationReport.OptimumCost.Cost cost = optimum.cost();
        // THEN 4 kWh x 0.10, no demand charge, the target met
        assertThat(optimum.missedDepartures()).isZero();
        assertThat(cost.energy()).isCloseTo(0.4, within(1e-6));
        assertThat(cost.demandCharge()).isZero();
        assertThat(cost.total()).isCloseTo(0.4, within(1e-6));
    }

    @Test
    void solveShouldSpreadChargingAndBillTheBaseLoadWhenADemandChargeApplies() {
        // GIVEN the same vehicle, a 2 kW base load and 10/kW on the highest quarter hour
        // WHEN solved
        SimulationReport.OptimumCost.Cost cost = new LpOfflineOptimum(WearPrices.ofDefaults())
                .solve(cheapSecondHour(10, 2)).cost();
        // THEN spreading the 4 kWh flat over both hours (peak 2 + 2 kW: 40 + 1.60) beats the cheap hour alone
        // (peak 2 + 4 kW: 60 + 1.20); the base load is billed in both hours
        assertThat(cost.energy()).isCloseTo((2 + 2) * 0.30 + (2 + 2) * 0.10, within(1e-6));
        assertThat(cost.demandCharge()).isCloseTo(10 * (2 + 2), within(1e-6));
    }

    @Test
    void solveShouldCountTheVehicleAsMissedWhenNoScheduleReachesItsTarget() {
        // GIVEN a vehicle that would need 6 kWh more in the 2 h than its 6 kW charger can give under a 2 kW limit
        Scenario tight = new Scenario("tight", START, END, 60, List.of(Scenarios.site("s", 2, 0, 0)),
                cheapSecondHour(0, 0).tariff(), List.of(Scenarios.vehicle("a", "s", 10, 6, START, END, 0.1, 0.9)),
                List.of(), Scenarios.idealChargers());
        // WHEN solved
        // THEN the optimum delivers its best (4 kWh) and reports the vehicle as missed, by id
        SimulationReport.OptimumCost optimum = new LpOfflineOptimum(WearPrices.ofDefaults()).solve(tight);
        assertThat(optimum.missedDepartures()).isEqualTo(1);
        assertThat(optimum.missedVehicles()).containsExactly("a");
    }

    @Test
    void controllerShouldCostNoLessThanTheOptimumWhichBeatsDumbChargingWhenBothRunTheSameScenario() {
        // GIVEN the scenario with a demand charge
        Scenario scenario = cheapSecondHour(10, 2);
        // WHEN simulated with the optimum
        SimulationReport r = Simulator.withControlCore(Clock.systemUTC()).run(scenario, SiteTargetSource.NONE, null,
                new LpOfflineOptimum(WearPrices.ofDefaults()));
        // THEN optimum <= controller, optimum <= dumb, and the ratio says how close the controller came
        double optimum = r.offlineOptimum().cost().total();
        double controller = r.cost().energy() + r.cost().demandCharge();
        assertThat(controller).isGreaterThanOrEqualTo(optimum - 1e-6);
        assertThat(optimum).isLessThanOrEqualTo(r.dumbCharging().cost().total());
        assertThat(r.offlineOptimum().controllerCostRatio()).isCloseTo(controller / optimum, within(1e-9));
    }
}
