package org.gridfleet.v2g.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.v2g.control.Fixtures.T0;
import static org.gridfleet.v2g.control.Fixtures.vehicle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduledControllerTest {

    private static final Duration STEP = Duration.ofMinutes(1);
    // 0.30/kWh for the first 4 h, then 0.10/kWh
    private static final Tariff EXPENSIVE_FIRST = Fixtures.twoPrice(0.30, 4, 0.10);

    private static ControlInput input(List<VehicleState> vehicles, Map<String, Double> siteTargetKw) {
        return new ControlInput(T0, STEP, vehicles, Fixtures.sites(Fixtures.site(100, 0)), EXPENSIVE_FIRST,
                siteTargetKw);
    }

    @Test
    void stepShouldWaitForCheapHoursWhenThePreferenceIsLowestCost() {
        // GIVEN 16 kWh needed by 8 h at 10 kW
        var controller = new ScheduledController(ScheduledControllerConfig.ofDefaults());
        // WHEN
        var out = controller.step(input(List.of(vehicle("v", 0.5, 0.9, 8, 10, 0)), Map.of()));
        // THEN it does not charge in the expensive hours
        assertThat(out.resolved()).isTrue();
        assertThat(out.setpointsKw().get("v")).isCloseTo(0, within(1e-6));
    }

    @Test
    void stepShouldPlanToFinishBeforeDepartureSoTheLastMinutesStayFreeWhenTheCheapHoursWouldBeExactlyFull() {
        // GIVEN 20 kWh needed by 6 h at 10 kW: the 2 cheap hours from 4 h would take all of it, up to departure
        var controller = new ScheduledController(ScheduledControllerConfig.ofDefaults());
        // WHEN
        var out = controller.step(input(List.of(vehicle("v", 0.4, 0.9, 6, 10, 0)), Map.of()));
        // THEN the plan keeps 10 % of the stay (at most 15 min) plus the lag allowance free before departure, so
        // what falls in that margin is charged now, at the expensive price, and not in the last minutes
        double marginHours = (15 * 60 + VehicleEnvelope.LAG_ALLOWANCE.toSeconds()) / 3600.0;
        assertThat(ScheduledController.planMargin(T0, Fixtures.at(6)).toSeconds() / 3600.0)
                .isCloseTo(marginHours, within(1e-9));
        assertThat(out.setpointsKw().get("v")).isCloseTo(10, within(1e-6));
    }

    @Test
    void stepShouldChargeAtOnceUpToThePeakAlreadyPaidForWhenThePriceIsFlat() {
        // GIVEN a flat price with a demand charge, a site that already metered a 10 kW quarter hour, and 8 kWh
        // wanted in 8 h at up to 10 kW
        var sites = Fixtures.sites(new SiteState("s1", 100, 0, 0, 10));
        var controller = new ScheduledController(ScheduledControllerConfig.ofDefaults());
        // WHEN
        var out = controller.step(new ControlInput(T0, STEP, List.of(vehicle("v", 0.5, 0.7, 8, 10, 0)), sites,
                Fixtures.flat(0.2, 15), Map.of()));
        // THEN it charges at the paid-for 10 kW now, leaving the later hours free for vehicles yet to come
        assertThat(out.setpointsKw().get("v")).isCloseTo(10, within(1e-6));
    }

    @Test
    void stepShouldKeepFloorsAndLimitsOnItsOwnWhenTheScheduleLpFindsNoSolution() {
        // GIVEN a vehicle at its latest-start floor (28 kWh to take at 10 kW in 2.8 h), one with hours to spare,
        // and a demand charge GLOP cannot scale (1e12 per kW: accepted as a tariff, ABNORMAL in the LP)
        var due = vehicle("due", 0.2, 0.9, 2.8, 10, 0);
        var spare = vehicle("spare", 0.5, 0.7, 8, 10, 0);
        var sites = Fixtures.sites(Fixtures.site(100, 0));
        // WHEN one step runs with that tariff, and one with a sane one
        var unsolved = new ScheduledController(ScheduledControllerConfig.ofDefaults()).step(new ControlInput(T0,
                STEP, List.of(due, spare), sites, Fixtures.flat(0.2, 1e12), Map.of()));
        var solved = new ScheduledController(ScheduledControllerConfig.ofDefaults()).step(new ControlInput(T0,
                STEP, List.of(due, spare), sites, Fixtures.flat(0.2, 15), Map.of()));
        // THEN the site is reported unsolved and the step still answers: the due vehicle charges at full power,
        // the other waits; with the sane tariff nothing is reported
        assertThat(unsolved.unsolvedSites()).containsExactly("s1");
        assertThat(unsolved.setpointsKw().get("due")).isCloseTo(10, within(1e-6));
        assertThat(unsolved.setpointsKw().get("spare")).isCloseTo(0, within(1e-6));
        assertThat(solved.unsolvedSites()).isEmpty();
    }

    @Test
    void stepShouldKeepAnAggregatedSiteOnThePaidPeakWhenOneVehicleCanNoLongerReachItsTarget() {
        // GIVEN an aggregating controller, a flat price, a paid 10 kW peak, and two vehicles leaving together: one
        // that can only charge at its full 3 kW and still falls short, one with 16 kWh to take at up to 10 kW
        var sites = Fixtures.sites(new SiteState("s1", 100, 0, 0, 10));
        var d = ScheduledControllerConfig.ofDefaults();
        var controller = new ScheduledController(d.withLp(d.lpStep(), d.horizon(), d.resolveEvery(), 0));
        var late = vehicle("late", 0.2, 0.9, 7.5, 3, 0);
        var flexible = vehicle("flexible", 0.5, 0.9, 7.5, 10, 0);
        // WHEN
        var out = controller.step(new ControlInput(T0, STEP, List.of(late, flexible), sites, Fixtures.flat(0.2, 15),
                Map.of()));
        // THEN the plan counts the short vehicle at the full power its floor takes, so the site stays at 10 kW
        assertThat(out.unreachableTargets()).containsExactly("late");
        assertThat(out.setpointsKw().get("late")).isCloseTo(3, within(1e-6));
        assertThat(out.setpointsKw().get("late") + out.setpointsKw().get("flexible")).isCloseTo(10, within(1e-6));
    }

    @Test
    void stepShouldChargeBeforeExpectedArrivalsTakeTheSiteWhenAForecastIsGiven() {
        // GIVEN a flat price with a demand charge, 8 kWh wanted in 8 h at up to 10 kW, and a forecast vehicle from
        // 00:30 to 08:00 needing 75 kWh at 10 kW, i.e. full power all its stay
        var sites = Fixtures.sites(new SiteState("s1", 100, 0, 0, 0));
        var v = vehicle("v", 0.5, 0.7, 8, 10, 0);
        ArrivalForecast expected = (site, from, to) -> List.of(
                new ArrivalForecast.ExpectedArrival(Fixtures.at(0.5), Fixtures.at(8), 75, 10, 1.0));
        var alone = new ScheduledController(ScheduledControllerConfig.ofDefaults());
        var forecast = new ScheduledController(ScheduledControllerConfig.ofDefaults(), expected);
        // WHEN
        var in = new ControlInput(T0, STEP, List.of(v), sites, Fixtures.flat(0.2, 15), Map.of());
        double aloneKw = alone.step(in).setpointsKw().get("v");
        double forecastKw = forecast.step(in).setpointsKw().get("v");
        // THEN alone it spreads the 8 kWh thin; told who comes, it charges at full power before the peak is taken
        assertThat(aloneKw).isLessThan(2);
        assertThat(forecastKw).isCloseTo(10, within(1e-6));
    }

    @Test
    void stepShouldChargeHarderInAPartlyElapsedQuarterHourWhenTheQuarterAverageIsBilled() {
        // GIVEN a flat price with a demand charge; at 00:10 a 22 kW vehicle arrives needing 6 kWh by 00:40
        var sites = Fixtures.sites(new SiteState("s1", 100, 0, 0, 0));
        var controller = new ScheduledController(ScheduledControllerConfig.ofDefaults());
        var v = new VehicleState("v", "s1", 40, 0.5, 0.2, 0.65, Fixtures.at(40 / 60.0), 22, 0, 1.0, 0, false);
        // WHEN
        var out = controller.step(new ControlInput(Fixtures.at(10 / 60.0), Duration.ofMinutes(5), List.of(v), sites,
                Fixtures.flat(0.2, 15), Map.of()));
        // THEN it uses the 5 minutes left of the 00:00 quarter at full power (billed as a third of it), not the
        // flat 12 kW that an LP grid starting at 00:10 would see as the least peak
        assertThat(out.setpointsKw().get("v")).isCloseTo(22, within(1e-6));
    }

    @Test
    void stepShouldChargeAtOnceWhenThePreferenceIsGuaranteed() {
        // GIVEN the same vehicle, guaranteed
        var config = ScheduledControllerConfig.ofDefaults()
                .withPreferences(Map.of("v", ChargingPreference.GUARANTEED), ChargingPreference.LOWEST_COST);
        var controller = new ScheduledController(config);
        // WHEN
        var out = controller.step(input(List.of(vehicle("v", 0.5, 0.9, 8, 10, 0)), Map.of()));
        // THEN it charges at full power now
        assertThat(out.setpointsKw().get("v")).isCloseTo(10, within(1e-6));
    }

    @Test
    void stepShouldFollowTheGreenSignalWhenThePreferenceIsGreenest() {
        // GIVEN a carbon cost high late and low early that outweighs the price difference
        var carbon = new PriceCurve(List.of(new PriceCurve.Step(T0, 0.0), new PriceCurve.Step(Fixtures.at(4), 1.0)));
        var config = ScheduledControllerConfig.ofDefaults().withCarbonCost(carbon)
                .withPreferences(Map.of(), ChargingPreference.GREENEST);
        var controller = new ScheduledController(config);
        // WHEN
        var out = controller.step(input(List.of(vehicle("v", 0.5, 0.9, 8, 10, 0)), Map.of()));
        // THEN it charges now, in the green hours
        assertThat(out.setpointsKw().get("v")).isCloseTo(10, within(1e-6));
    }

    @Test
    void stepShouldFollowASiteTargetWhenGridServicesRequestOne() {
        // GIVEN two V2G vehicles with slack and a site request of -12 kW
        var controller = new ScheduledController(ScheduledControllerConfig.ofDefaults()
                .withAllocator(AllocatorConfig.none()));
        var vehicles = List.of(vehicle("a", 0.6, 0.6, 8, 10, 10), vehicle("b", 0.6, 0.6, 8, 10, 10));
        // WHEN
        var out = controller.step(input(vehicles, Map.of("s1", -12.0)));
        // THEN
        assertThat(out.setpointsKw().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(-12, within(1e-6));
    }

    @Test
    void stepShouldReportAndChargeFullyWhenTheTargetIsUnreachable() {
        // GIVEN 30 kWh missing, 2 h at 10 kW
        var controller = new ScheduledController(ScheduledControllerConfig.ofDefaults());
        // WHEN
        var out = controller.step(input(List.of(vehicle("late", 0.15, 0.9, 2, 10, 0)), Map.of()));
        // THEN
        assertThat(out.unreachableTargets()).containsExactly("late");
        assertThat(out.setpointsKw().get("late")).isCloseTo(10, within(1e-6));
    }

    @Test
    void stepShouldResolveWhenAVehicleArrivesAfterTheMinimumGapAtAnAggregatedSite() {
        // GIVEN a plan for one vehicle at a site that aggregates from one vehicle on
        var d = ScheduledControllerConfig.ofDefaults();
        var controller = new ScheduledController(d.withLp(d.lpStep(), d.horizon(), d.resolveEvery(), 0));
        var a = vehicle("a", 0.5, 0.9, 8, 10, 0);
        controller.step(input(List.of(a), Map.of()));
        var b = vehicle("b", 0.5, 0.9, 8, 10, 0);
        var sites = Fixtures.sites(Fixtures.site(100, 0));
        // WHEN b arrives 1 minute later, then 15 minutes later
        var soon = controller.step(new ControlInput(T0.plus(STEP), STEP, List.of(a, b), sites, EXPENSIVE_FIRST,
                Map.of()));
        var later = controller.step(new ControlInput(T0.plus(Duration.ofMinutes(15)), STEP, List.of(a, b), sites,
                EXPENSIVE_FIRST, Map.of()));
        // THEN
        assertThat(soon.resolved()).isFalse();
        assertThat(later.resolved()).isTrue();
    }

    @Test
    void stepShouldResolveAtOnceWhenAVehicleArrivesAtASiteTooSmallToAggregate() {
        // GIVEN a plan for one vehicle at a site below the aggregation threshold
        var controller = new ScheduledController(ScheduledControllerConfig.ofDefaults());
        var a = vehicle("a", 0.5, 0.9, 8, 10, 0);
        controller.step(input(List.of(a), Map.of()));
        var b = vehicle("b", 0.5, 0.9, 8, 10, 0);
        var sites = Fixtures.sites(Fixtures.site(100, 0));
        // WHEN b arrives 1 minute later, then the next minute with nobody new
        var arrival = controller.step(new ControlInput(T0.plus(STEP), STEP, List.of(a, b), sites, EXPENSIVE_FIRST,
                Map.of()));
        var next = controller.step(new ControlInput(T0.plus(STEP.multipliedBy(2)), STEP, List.of(a, b), sites,
                EXPENSIVE_FIRST, Map.of()));
        // THEN only the arrival re-plans
        assertThat(arrival.resolved()).isTrue();
        assertThat(next.resolved()).isFalse();
    }
}
