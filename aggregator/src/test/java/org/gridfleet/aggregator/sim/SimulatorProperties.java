package org.gridfleet.aggregator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridfleet.aggregator.sim.Scenarios.START;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Safety of the control core over random small scenarios (seeded, so a failure reproduces): no site-step over the
 * limit, no discharge below reserve, where every vehicle has at least two hours of slack and the site can carry the
 * whole fleet at full power, every departure target met, and no vehicle with an exhausted owner budget discharged.
 */
class SimulatorProperties {
    @Property(tries = 100)
    void runShouldNeverExceedASiteLimitWhenTheControlCoreDrives(
            @ForAll long seed, @ForAll @DoubleRange(min = 0.3, max = 1.5) double limitFactor) {
        // GIVEN a random scenario whose site limits may be well below the fleet's full power
        Scenario scenario = Scenarios.random(new Random(seed), limitFactor);
        // WHEN simulated
        SimulationReport report = Simulator.withControlCore(Clock.systemUTC())
                .run(scenario, SiteTargetSource.NONE, null, null);
        // THEN no site-step over its limit, no discharge below reserve
        assertThat(report.violations().siteLimit()).isZero();
        assertThat(report.violations().reserve()).isZero();
        assertThat(report.sites()).allSatisfy(s -> assertThat(s.secondsOverLimit()).isZero());
    }

    @Property(tries = 100)
    void runShouldMeetEveryDepartureWhenEachIsFeasibleWithSlack(
            @ForAll long seed, @ForAll @DoubleRange(min = 1.0, max = 1.5) double limitFactor) {
        // GIVEN a random scenario where every vehicle could finish alone with slack and the site carries them all
        Scenario scenario = Scenarios.random(new Random(seed), limitFactor);
        // WHEN simulated
        SimulationReport report = Simulator.withControlCore(Clock.systemUTC())
                .run(scenario, SiteTargetSource.NONE, null, null);
        // THEN every vehicle leaves at or above its target, within the limit
        assertThat(report.violations().departure()).isZero();
        assertThat(report.vehicles()).allSatisfy(v -> assertThat(v.metTarget()).as(v.id()).isTrue());
        assertThat(report.violations().siteLimit()).isZero();
    }

    @Property(tries = 40)
    void runShouldNeverDischargeAnExhaustedVehicleWhenV2gPays(@ForAll long seed) {
        // GIVEN a random V2G fleet under a tariff that pays for evening export; some owners' budgets are used up.
        // The run ends before midnight: a used-up daily budget is rightly renewed on the next day.
        Random r = new Random(seed);
        Instant end = START.plus(Duration.ofHours(5));
        List<Scenario.Vehicle> vehicles = new ArrayList<>();
        List<String> exhausted = new ArrayList<>();
        for (int i = 0; i < 2 + r.nextInt(6); i++) {
            Scenario.Budget budget = randomBudget(r);
            String id = "v" + i;
            if (budget != null && budget.spent() >= budget.limit()) {
                exhausted.add(id);
            }
            Instant arrival = START.plusSeconds(r.nextInt(3600));
            vehicles.add(Scenarios.v2gVehicle(id, "s", arrival, end.minusSeconds(r.nextInt(3600)),
                    0.4 + 0.5 * r.nextDouble(), budget));
        }
        Scenario scenario = new Scenario("budgets", START, end, new int[] {60, 300}[r.nextInt(2)],
                List.of(Scenarios.site("s", 10 + 60 * r.nextDouble(), 5, 5 * r.nextDouble())),
                Scenarios.eveningPeakTariff(1 + r.nextInt(3)), vehicles, List.of(),
                new Scenario.Chargers(r.nextInt(2001), 1 + 19 * r.nextDouble(), 0.9 + 0.1 * r.nextDouble()));
        // WHEN simulated with the control core
        SimulationReport report = Simulator.withControlCore(Clock.systemUTC())
                .run(scenario, SiteTargetSource.NONE, null, null);
        // THEN no exhausted vehicle gave a single kWh, and site limit and reserve held for all
        assertThat(report.vehicles()).filteredOn(v -> exhausted.contains(v.id()))
                .allSatisfy(v -> assertThat(v.dischargedKwh()).as(v.id()).isZero());
        assertThat(report.violations().siteLimit()).isZero();
        assertThat(report.violations().reserve()).isZero();
    }

    /** None, an open budget or a used-up one, of any of the three kinds. */
    private static Scenario.Budget randomBudget(Random r) {
        int k = r.nextInt(3);
        String kind = new String[] {"yearly-cost", "yearly-capacity", "daily-extra-cycles"}[k];
        double limit = new double[] {50, 0.01, 0.3}[k];
        return switch (r.nextInt(3)) {
            case 0 -> null;
            case 1 -> new Scenario.Budget(kind, limit, limit * r.nextDouble() * 0.5);
            default -> new Scenario.Budget(kind, limit, limit * (1 + r.nextDouble()));
        };
    }

    @Example
    void runShouldHoldTheSiteLimitWhenAVehicleDischargingToMakeRoomLeavesWithinTheStep() {
        // a sample a clean CI run found: v4 was planned at -4.3 kW for a step it left 11 s into, the others drew
        // 13.1 kW against that room and the site metered 17.7 kW for the step against a 14.9 kW limit
        runShouldNeverDischargeAnExhaustedVehicleWhenV2gPays(14073);
    }
}
