package org.gridfleet.v2g.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The same invariants as {@link AllocatorProperties}, through the whole controller: LP schedule (per vehicle and
 * aggregated) plus allocation. Fewer tries: each run solves the LP every 15 simulated minutes.
 */
class ScheduledControllerProperties {

    private static final Tariff TARIFF = new Tariff(new PriceCurve(List.of(
            new PriceCurve.Step(Fixtures.T0, 0.30), new PriceCurve.Step(Fixtures.at(2), 0.08),
            new PriceCurve.Step(Fixtures.at(5), 0.25))), PriceCurve.constant(0.12), 8);

    @Property(tries = 50)
    void stepShouldMeetEveryFeasibleTargetWhenSitesAreAmple(@ForAll long seed, @ForAll boolean aggregate) {
        // GIVEN
        RandomFleet fleet = RandomFleet.generate(seed, 10, true);
        // WHEN
        Plant.Outcome out = run(fleet, aggregate);
        // THEN
        assertThat(AllocatorProperties.feasibleOnArrival(fleet)).noneMatch(out.missedTarget()::contains);
        assertThat(out.reported()).containsAll(out.missedTarget());
    }

    @Property(tries = 50)
    void stepShouldNeverBreachALimitAndReportEveryMissWhenLimitsAreTight(@ForAll long seed,
                                                                        @ForAll boolean aggregate) {
        // GIVEN
        RandomFleet fleet = RandomFleet.generate(seed, 10, false);
        // WHEN (the plant asserts limits, reserve and power bounds on every step)
        Plant.Outcome out = run(fleet, aggregate);
        // THEN
        assertThat(out.reported()).containsAll(out.missedTarget());
    }

    private static Plant.Outcome run(RandomFleet fleet, boolean aggregate) {
        var config = ScheduledControllerConfig.ofDefaults()
                .withLp(Duration.ofMinutes(15), Duration.ofHours(9), Duration.ofMinutes(15), aggregate ? 0 : 1000)
                .withLimits(fleet.nodes(), fleet.vehicleNode());
        ScheduledController controller = new ScheduledController(config);
        return Plant.run(fleet.vehicles(), fleet.sites(), fleet.tree(), TARIFF, Duration.ofMinutes(5),
                controller::step);
    }
}
