package org.gridfleet.market.regulation;

import java.time.Instant;
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
     * Mileage of {@code period}: the differences {@code |r(t) − r(t − step)|} for every sample time t in
     * {@code (start, end]}, so consecutive periods split a day's mileage without double counting (this matches the
     * reference values of MARKET-RULES.md §1.3: 16.42 and 30.41 for hours 00 and 12 of 22 July 2020). Samples
     * outside the series and missing samples are skipped; the next difference spans the gap.
     */
    public static double of(SampledSeries signal, DeliveryPeriod period) {
        double sum = 0;
        double previous = Double.NaN;
        int from = signal.indexAt(period.start());
        if (from < 0) {
            from = period.start().isBefore(signal.start()) ? 0 : signal.size();
        }
        for (int i = from; i < signal.size(); i++) {
            Instant t = signal.timeAt(i);
            if (t.isAfter(period.end())) {
                break;
            }
            double v = signal.valueAt(i);
            if (Double.isNaN(v)) {
                continue;
            }
            if (!Double.isNaN(previous) && t.isAfter(period.start())) {
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
