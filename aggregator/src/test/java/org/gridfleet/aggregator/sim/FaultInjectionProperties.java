package org.gridfleet.aggregator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Safety of the control core when chargers misbehave (issue 9): random scenarios and random faults from one seed,
 * every fault kind mixed (setpoints ignored, lost, ramps up to 100 times slower, SoC drifting, meter values
 * duplicated and reordered). The site limit holds but for what the misbehaving chargers alone force, no battery goes
 * below its reserve, and every vehicle whose charger still takes setpoints meets its departure target where the site
 * can carry the whole fleet.
 */
class FaultInjectionProperties {

    @Property(tries = 60)
    void runShouldHoldSiteLimitAndReserveWhenChargersMisbehave(
            @ForAll long seed, @ForAll @DoubleRange(min = 0.3, max = 1.5) double limitFactor,
            @ForAll @DoubleRange(min = 0, max = 1) double faultyShare) {
        // GIVEN a random scenario and random faults on a random share of its chargers
        Scenario scenario = Scenarios.random(new Random(seed), limitFactor);
        FaultInjection faults = FaultInjection.mixed(seed, faultyShare);
        // WHEN simulated with the control core
        SimulationReport report = Simulator.withControlCore(Clock.systemUTC())
                .run(scenario, SiteTargetSource.NONE, null, null, faults);
        // THEN no site-step over its limit beyond what misbehaving chargers forced, no discharge below reserve
        assertThat(report.violations().siteLimit()).as("faults %s", faults.drawn()).isZero();
        assertThat(report.violations().reserve()).as("faults %s", faults.drawn()).isZero();
    }

    @Property(tries = 60)
    void runShouldMeetEveryDepartureOfAChargerThatTakesSetpointsWhenChargersMisbehave(
            @ForAll long seed, @ForAll @DoubleRange(min = 1.0, max = 1.5) double limitFactor,
            @ForAll @DoubleRange(min = 0, max = 1) double faultyShare) {
        // GIVEN a random scenario whose site carries the whole fleet, and random faults
        Scenario scenario = Scenarios.random(new Random(seed), limitFactor);
        FaultInjection faults = FaultInjection.mixed(seed, faultyShare);
        // WHEN simulated with the control core
        SimulationReport report = Simulator.withControlCore(Clock.systemUTC())
                .run(scenario, SiteTargetSource.NONE, null, null, faults);
        // THEN every vehicle whose charger does not drop its setpoints leaves at or above its target
        Map<String, ChargerFault> drawn = faults.drawn();
        assertThat(report.vehicles())
                .filteredOn(v -> !drawn.getOrDefault(v.id(), ChargerFault.NONE).ignoresAt(Double.MAX_VALUE))
                .allSatisfy(v -> assertThat(v.metTarget()).as("%s with %s", v.id(), drawn.get(v.id())).isTrue());
        assertThat(report.violations().siteLimit()).isZero();
        assertThat(report.violations().reserve()).isZero();
    }

    @Example
    void runShouldMeetEveryDepartureWhenASlowRampLosesHalfItsAcknowledgementsAndItsSocDrifts() {
        // a sample a clean CI run found: 2.2 %/h SoC drift, ramps 8 times slower, 47 % of acknowledgements lost;
        // met by the quarter-hour aligned scheduler (issue 4; before it the vehicle left 0.003 SoC short)
        runShouldMeetEveryDepartureOfAChargerThatTakesSetpointsWhenChargersMisbehave(-213291, 1.0, 0.66);
    }
}
