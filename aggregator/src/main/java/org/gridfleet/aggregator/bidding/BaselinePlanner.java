package org.gridfleet.aggregator.bidding;

import org.gridfleet.market.Baseline;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.bidding.EnergyExcursion;
import org.gridfleet.v2g.control.FlexibilityEnvelope;
import org.gridfleet.v2g.control.LimitTree;
import org.gridfleet.v2g.control.VehicleEnvelope;
import org.gridfleet.v2g.control.VehicleState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Chooses the fleet baseline to declare for a symmetric product's delivery period, and how much capability fits.
 *
 * <p>A flat baseline {@code B} (kW, positive = import) works for an award {@code A} when, in every interval of the
 * fleet's {@link FlexibilityEnvelope}, {@code B ± A} stays within the EV power range, and the energy headroom over
 * the period covers the product's excursion each way: {@code Σ(max − B)·h ≥ A·maxImport} and
 * {@code Σ(B − min)·h ≥ A·maxExport} ({@link EnergyExcursion}, kWh per kW). Within that feasible band it stays as
 * close as it can to the schedule's mean power minus the expected net energy of the signal (so the schedule's energy
 * is kept); when no band exists for {@code A}, the largest award that fits is found and its balanced midpoint
 * declared.
 */
public final class BaselinePlanner {

    private static final int SEARCH_STEPS = 50;

    private BaselinePlanner() {
    }

    /**
     * The declaration for one period.
     *
     * @param baseline the flat baseline to declare, kW
     * @param feasibleKw the largest capability (&le; the award asked for) the fleet can follow with it, kW
     */
    public record Declaration(Baseline baseline, double feasibleKw) {
    }

    /**
     * @param period the delivery period
     * @param interval envelope resolution (e.g. 15 min); the period must be a whole number of them
     * @param vehicles the vehicles expected plugged in (with their declared departures)
     * @param tree site and nested limits
     * @param plannedKw the schedule per vehicle id, kW
     * @param awardedKw the capability to fit, kW, &ge; 0
     * @param excursion the product's energy excursion per kW over such a period
     */
    public static Declaration declare(DeliveryPeriod period, Duration interval, List<VehicleState> vehicles,
                                      LimitTree tree, Map<String, Double> plannedKw, double awardedKw,
                                      EnergyExcursion excursion) {
        if (!(awardedKw >= 0 && Double.isFinite(awardedKw))) {
            throw new IllegalArgumentException("awardedKw must be >= 0, but was " + awardedKw);
        }
        Band band = Band.of(envelope(period, interval, vehicles, tree, plannedKw), excursion, vehicles, period);
        double preferred = band.meanBaseKw - awardedKw * excursion.netKwhPerKw() / band.hours;
        double fits = awardedKw;
        if (!band.feasible(fits)) {
            fits = band.maxFeasibleKw(awardedKw);
        }
        double lo = band.lowest(fits);
        double hi = band.highest(fits);
        double b = Math.max(lo, Math.min(hi, preferred));
        return new Declaration(Baseline.flat(period, b), fits);
    }

    /**
     * The largest symmetric capability the fleet can follow over {@code period} with the best flat baseline, kW
     * (arguments as for {@link #declare}).
     */
    public static double maxFeasibleKw(DeliveryPeriod period, Duration interval, List<VehicleState> vehicles,
                                       LimitTree tree, Map<String, Double> plannedKw, EnergyExcursion excursion) {
        List<FlexibilityEnvelope.Interval> fleet = envelope(period, interval, vehicles, tree, plannedKw);
        Band band = Band.of(fleet, excursion, vehicles, period);
        double upper = 0;
        for (FlexibilityEnvelope.Interval i : fleet) {
            upper = Math.max(upper, (i.maxKw() - i.minKw()) / 2);
        }
        return band.maxFeasibleKw(upper);
    }

    private static List<FlexibilityEnvelope.Interval> envelope(DeliveryPeriod period, Duration interval,
                                                       List<VehicleState> vehicles, LimitTree tree,
                                                       Map<String, Double> plannedKw) {
        long count = period.length().toMillis() / interval.toMillis();
        if (count < 1 || count * interval.toMillis() != period.length().toMillis()) {
            throw new IllegalArgumentException("interval " + interval + " must divide the period length "
                    + period.length());
        }
        return FlexibilityEnvelope.compute(period.start(), interval, (int) count, vehicles, tree, plannedKw).fleet();
    }

    /** The fleet's power and energy bounds over a period. */
    private static final class Band {
        double hours;
        double highestMinKw = Double.NEGATIVE_INFINITY;
        double lowestMaxKw = Double.POSITIVE_INFINITY;
        double maxKwh;
        double minKwh;
        double meanBaseKw;
        double importKwhPerKw;
        double exportKwhPerKw;
        /** Grid kWh the batteries can still take (to full) and give (to their floors at the end), from now. */
        double roomUpKwh;
        double roomDownKwh;

        static Band of(List<FlexibilityEnvelope.Interval> fleet, EnergyExcursion excursion,
                       List<VehicleState> vehicles, DeliveryPeriod period) {
            Band b = new Band();
            for (VehicleState v : vehicles) {
                Instant end = v.departure().isBefore(period.end()) ? v.departure() : period.end();
                b.roomUpKwh += Math.max(0, v.batteryKwh() - v.energyKwh()) / v.efficiency();
                b.roomDownKwh += Math.max(0, v.energyKwh() - VehicleEnvelope.floorKwh(v, end)) * v.efficiency();
            }
            double baseKwh = 0;
            for (FlexibilityEnvelope.Interval i : fleet) {
                double h = Duration.between(i.start(), i.end()).toMillis() / 3_600_000.0;
                b.hours += h;
                b.highestMinKw = Math.max(b.highestMinKw, i.minKw());
                b.lowestMaxKw = Math.min(b.lowestMaxKw, i.maxKw());
                b.maxKwh += i.maxKw() * h;
                b.minKwh += i.minKw() * h;
                baseKwh += i.baselineKw() * h;
            }
            b.meanBaseKw = baseKwh / b.hours;
            b.importKwhPerKw = excursion.maxImportKwhPerKw();
            b.exportKwhPerKw = excursion.maxExportKwhPerKw();
            return b;
        }

        /** Power: B − A above every interval's minimum; energy: the export swing fits above the floors. */
        double lowest(double a) {
            double energy = Math.max(minKwh + a * exportKwhPerKw, a * exportKwhPerKw - roomDownKwh) / hours;
            return Math.max(highestMinKw + a, energy);
        }

        /** Power: B + A below every interval's maximum; energy: the import swing fits below full. */
        double highest(double a) {
            double energy = Math.min(maxKwh - a * importKwhPerKw, roomUpKwh - a * importKwhPerKw) / hours;
            return Math.min(lowestMaxKw - a, energy);
        }

        boolean feasible(double a) {
            return lowest(a) <= highest(a) + 1e-9;
        }

        /** Bisection: feasibility shrinks as the capability grows. */
        double maxFeasibleKw(double upperKw) {
            if (!feasible(0)) {
                return 0;
            }
            double lo = 0;
            double hi = upperKw;
            for (int k = 0; k < SEARCH_STEPS; k++) {
                double mid = (lo + hi) / 2;
                if (feasible(mid)) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
