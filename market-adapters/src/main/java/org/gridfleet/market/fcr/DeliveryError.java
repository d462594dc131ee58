package org.gridfleet.market.fcr;

import org.gridfleet.market.Checks;
import org.gridfleet.market.SampledSeries;

/**
 * How far metered fleet power strayed from the requested power over a delivery, relative to the awarded capacity.
 * Read at the requested series' sample instants; samples with either value missing are skipped.
 *
 * @param samples number of samples compared
 * @param meanAbsErrorRatio mean |metered − requested| / capacity
 * @param rmsErrorRatio root mean square of (metered − requested) / capacity
 * @param maxAbsErrorRatio largest |metered − requested| / capacity
 * @param shortfallKwh energy of the requested activation not delivered, kWh: per sample the part of the requested
 *     deviation from baseline the metered deviation fell short of, in the requested direction, times the step
 */
public record DeliveryError(int samples, double meanAbsErrorRatio, double rmsErrorRatio, double maxAbsErrorRatio,
                            double shortfallKwh) {

    /**
     * Compares a delivery.
     *
     * @param requestedKw requested fleet power, kW (positive = import)
     * @param meteredKw metered fleet power, kW
     * @param baselineKw the baseline at each sample of requestedKw (same grid), kW
     * @param capacityKw awarded capacity, kW, &gt; 0
     * @throws IllegalArgumentException if capacityKw is not positive or the baseline grid differs from the request
     */
    public static DeliveryError of(SampledSeries requestedKw, SampledSeries meteredKw, SampledSeries baselineKw,
                                   double capacityKw) {
        Checks.requirePositive("capacityKw", capacityKw);
        if (baselineKw.size() != requestedKw.size() || !baselineKw.start().equals(requestedKw.start())
                || !baselineKw.step().equals(requestedKw.step())) {
            throw new IllegalArgumentException("baselineKw must be on the grid of requestedKw");
        }
        int n = 0;
        double sumAbs = 0;
        double sumSq = 0;
        double max = 0;
        double shortfallKw = 0;
        for (int i = 0; i < requestedKw.size(); i++) {
            double req = requestedKw.valueAt(i);
            double met = meteredKw.valueAt(requestedKw.timeAt(i));
            double base = baselineKw.valueAt(i);
            if (Double.isNaN(req) || Double.isNaN(met) || Double.isNaN(base)) {
                continue;
            }
            double err = (met - req) / capacityKw;
            n++;
            sumAbs += Math.abs(err);
            sumSq += err * err;
            max = Math.max(max, Math.abs(err));
            double wanted = req - base;
            double got = met - base;
            shortfallKw += Math.max(0, Math.signum(wanted) * (wanted - got));
        }
        double hoursPerStep = requestedKw.step().toNanos() / 3.6e12;
        return n == 0 ? new DeliveryError(0, 0, 0, 0, 0)
                : new DeliveryError(n, sumAbs / n, Math.sqrt(sumSq / n), max, shortfallKw * hoursPerStep);
    }
}
