package org.gridfleet.market.regulation;

import org.gridfleet.market.Checks;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.SampledSeries;

/**
 * Regulation mileage (MARKET-RULES.md §1.4): {@code M = Σ |r(t) − r(t − step)|} over the signal samples of a
 * period, in normalized units (ΔMW per MW of capability); and the mileage ratio RegD/RegA.
 */
public final class Mileage {

    private Mileage() {
    }

    /**
     * Mileage of the samples whose time lies in {@code period}; the first difference uses the sample before the
     * period when the series has it. Missing samples are skipped (the next difference spans the gap).
     */
    public static double of(SampledSeries signal, DeliveryPeriod period) {
        double sum = 0;
        double previous = Double.NaN;
        int first = Math.max(0, signal.indexAt(period.start()) - 1);
        if (signal.indexAt(period.start()) < 0 && period.start().isAfter(signal.start())) {
            return 0;
        }
        for (int i = first; i < signal.size() && signal.timeAt(i).isBefore(period.end()); i++) {
            double v = signal.valueAt(i);
            if (Double.isNaN(v)) {
                continue;
            }
            if (!Double.isNaN(previous) && !signal.timeAt(i).isBefore(period.start())) {
                sum += Math.abs(v - previous);
            }
            previous = v;
        }
        return sum;
    }

    /**
     * Mileage ratio used in the performance credit: RegD mileage / RegA mileage of the hour (1 for RegA).
     *
     * @throws IllegalArgumentException if a mileage is negative or regA mileage is 0
     */
    public static double ratio(double signalMileage, double regAMileage) {
        Checks.requireNonNegative("signalMileage", signalMileage);
        Checks.requirePositive("regAMileage", regAMileage);
        return signalMileage / regAMileage;
    }
}
