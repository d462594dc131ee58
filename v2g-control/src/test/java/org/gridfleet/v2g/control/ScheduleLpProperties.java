package org.gridfleet.v2g.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The schedule LP's floors as hard bounds against the same floors as penalized rows, over generated fleets with
 * ample and tight sites: the hard route fails only when something must be missed, and where nothing is, it reaches
 * the penalized route's optimum.
 */
class ScheduleLpProperties {

    private static final Tariff TARIFF = new Tariff(new PriceCurve(List.of(
            new PriceCurve.Step(Fixtures.T0, 0.30), new PriceCurve.Step(Fixtures.at(2), 0.08),
            new PriceCurve.Step(Fixtures.at(5), 0.25))), PriceCurve.constant(0.12), 8);
    private static final Duration STEP = Duration.ofMinutes(15);
    private static final int STEPS = 36;

    @Property(tries = 300)
    void hardFloorsShouldReachThePenalizedOptimumWheneverTheyFitTogether(@ForAll long seed, @ForAll boolean ample) {
        // GIVEN a generated fleet as per-vehicle LP units
        RandomFleet fleet = RandomFleet.generate(seed, 12, ample);
        LimitTree tree = fleet.tree();
        List<LpUnit> units = new ArrayList<>();
        for (VehicleState v : fleet.vehicles()) {
            units.add(LpUnit.of(v, ChargingPreference.LOWEST_COST, tree.nodeOf(v), Fixtures.T0,
                    Fixtures.T0, STEP, STEPS, Duration.ZERO));
        }
        Map<Integer, SiteState> sites = new HashMap<>();
        fleet.sites().forEach((id, s) -> sites.put(tree.indexOf(id), s));
        // WHEN solved with penalized floors, and with hard floors where each unit reaches its own
        ScheduleLp.Result soft = ScheduleLp.solveWith("", false, units, tree, sites, TARIFF, Fixtures.T0, STEP,
                STEPS, null, ScheduleLp.FirstStep.WHOLE);
        boolean softMissesNothing = total(soft.shortfallKwh()) < 1e-6;
        ScheduleLp.Result hard;
        try {
            hard = ScheduleLp.solveWith("", true, units, tree, sites, TARIFF, Fixtures.T0, STEP, STEPS, null,
                    ScheduleLp.FirstStep.WHOLE);
        } catch (ScheduleLp.NotOptimal floorsDoNotFit) {
            // THEN (no optimum) only when the penalized route misses something too, and the public route falls
            // back to it
            assertThat(softMissesNothing).as("hard floors failed though every floor fits").isFalse();
            ScheduleLp.Result best = ScheduleLp.solve(units, tree, sites, TARIFF, Fixtures.T0, STEP, STEPS, null);
            assertThat(total(best.shortfallKwh())).isCloseTo(total(soft.shortfallKwh()), within(1e-6));
            return;
        }
        // THEN (an optimum) the penalized route, which minimizes the total missing, misses no more; and when it
        // misses nothing both reach the same cost but for the early-charging tie-break, which moves at most its
        // price per kWh and hour over the horizon
        assertThat(total(soft.shortfallKwh())).isLessThanOrEqualTo(total(hard.shortfallKwh()) + 1e-4);
        if (softMissesNothing) {
            double chargedKwh = 0;
            for (double[] unit : soft.unitPowerKw()) {
                for (double kw : unit) {
                    chargedKwh += Math.abs(kw) * STEP.toMinutes() / 60.0;
                }
            }
            double tieBreak = ScheduleLp.EARLY_TIE_BREAK_PER_KWH_HOUR * STEPS * STEP.toMinutes() / 60.0 * chargedKwh;
            assertThat(total(hard.shortfallKwh())).isZero();
            assertThat(cost(hard)).isCloseTo(cost(soft), within(1e-4 * (1 + Math.abs(cost(soft))) + tieBreak));
        }
    }

    private static double total(double[] kwh) {
        double sum = 0;
        for (double k : kwh) {
            sum += k;
        }
        return sum;
    }

    private static double cost(ScheduleLp.Result r) {
        return r.importCost() - r.exportRevenue() + r.demandCharge() + r.degradationCost();
    }
}
