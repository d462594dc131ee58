package org.gridfleet.v2g.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The same invariants as {@link AllocatorProperties}, through the whole controller: LP schedule (per vehicle and
 * aggregated) plus allocation. Fewer tries: each run solves the LP every 15 simulated minutes.
 */
class ScheduledControllerProperties {

    private static final Tariff TARIFF = new Tariff(new PriceCurve(List.of(
            new PriceCurve.Step(Fixtures.T0, 0.30), new PriceCurve.Step(Fixtures.at(2), 0.08),
            new PriceCurve.Step(Fixtures.at(5), 0.25))), PriceCurve.constant(0.12), 8);

    @Property(tries = 50)
    void stepShouldMeetEveryFeasibleTargetWhenSitesAreAmple(@ForAll long seed, @ForAll boolean aggregate,
                                                            @ForAll boolean forecast) {
        // GIVEN
        RandomFleet fleet = RandomFleet.generate(seed, 10, true);
        // WHEN
        Plant.Outcome out = run(fleet, aggregate, forecast ? wrongForecast(seed) : ArrivalForecast.NONE);
        // THEN
        assertThat(AllocatorProperties.feasibleOnArrival(fleet)).noneMatch(out.missedTarget()::contains);
        assertThat(out.reported()).containsAll(out.missedTarget());
    }

    @Property(tries = 50)
    void stepShouldNeverBreachALimitAndReportEveryMissWhenLimitsAreTight(@ForAll long seed,
                                                                        @ForAll boolean aggregate,
                                                                        @ForAll boolean forecast) {
        // GIVEN
        RandomFleet fleet = RandomFleet.generate(seed, 10, false);
        // WHEN (the plant asserts limits, reserve and power bounds on every step)
        Plant.Outcome out = run(fleet, aggregate, forecast ? wrongForecast(seed) : ArrivalForecast.NONE);
        // THEN
        assertThat(out.reported()).containsAll(out.missedTarget());
    }

    @Property(tries = 50)
    void stepShouldMeetATargetWithinTheSiteLimitWhenTheVehicleArrivesBetweenSolves(
            @ForAll @IntRange(min = 1, max = 20) int arrivalStep, @ForAll @IntRange(min = 2, max = 12) int dwellSteps,
            @ForAll @DoubleRange(min = 5, max = 60) double siteLimitKw,
            @ForAll @DoubleRange(min = 0.05, max = 0.98) double needShare) {
        // GIVEN a site already planned for a vehicle at its target, then a 50 kW visit of 10-60 minutes arriving
        // at any 5-minute step, asking a share of what the site limit lets it take in its dwell
        Duration step = Duration.ofMinutes(5);
        var parked = new VehicleState("parked", "s1", 60, 0.8, 0.2, 0.8, Fixtures.at(4), 50, 0, 0.93, 0, false);
        Instant arrival = Fixtures.T0.plus(step.multipliedBy(arrivalStep));
        double reachableKwh = Math.min(50, siteLimitKw) * 0.93 * dwellSteps * step.toMinutes() / 60.0;
        double soc = 0.2;
        double targetSoc = soc + needShare * Math.min(0.75, reachableKwh / 60);
        var visit = new VehicleState("visit", "s1", 60, soc, 0.2, targetSoc,
                arrival.plus(step.multipliedBy(dwellSteps)), 50, 0, 0.93, 0, false);
        var sites = Fixtures.sites(Fixtures.site(siteLimitKw, 0));
        ScheduledController controller = new ScheduledController(ScheduledControllerConfig.ofDefaults());
        // WHEN
        Plant.Outcome out = Plant.runVisits(List.of(new PlannedVehicle(parked, Fixtures.T0),
                new PlannedVehicle(visit, arrival)), sites, LimitTree.of(sites),
                TARIFF, step, controller::step);
        // THEN
        assertThat(out.missedTarget()).isEmpty();
    }

    /**
     * Up to five large vehicles expected at every site that never come: a forecast may be wrong, and what it
     * plans for must never cost a vehicle present its target, its reserve or a site its limit.
     */
    private static ArrivalForecast wrongForecast(long seed) {
        Random random = new Random(seed);
        List<ArrivalForecast.ExpectedArrival> phantoms = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            double arrivalHours = random.nextDouble() * 6;
            phantoms.add(new ArrivalForecast.ExpectedArrival(Fixtures.at(arrivalHours),
                    Fixtures.at(arrivalHours + 0.5 + random.nextDouble() * 4), 1 + random.nextDouble() * 60,
                    7 + random.nextDouble() * 43, 0.9));
        }
        return (site, from, to) -> phantoms.stream()
                .filter(p -> p.arrival().isAfter(from) && p.arrival().isBefore(to)).toList();
    }

    private static Plant.Outcome run(RandomFleet fleet, boolean aggregate, ArrivalForecast forecast) {
        var config = ScheduledControllerConfig.ofDefaults()
                .withLp(Duration.ofMinutes(15), Duration.ofHours(9), Duration.ofMinutes(15), aggregate ? 0 : 1000)
                .withLimits(fleet.nodes(), fleet.vehicleNode());
        ScheduledController controller = new ScheduledController(config, forecast);
        return Plant.run(fleet.vehicles(), fleet.sites(), fleet.tree(), TARIFF, Duration.ofMinutes(5),
                controller::step);
    }
}
