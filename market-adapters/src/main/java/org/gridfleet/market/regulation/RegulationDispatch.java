package org.gridfleet.market.regulation;

import org.gridfleet.market.Baseline;
import org.gridfleet.market.Checks;
import org.gridfleet.market.SampledSeries;

/**
 * Turns a normalized regulation signal into a fleet power request and fleet power back into a normalized
 * response (MARKET-RULES.md §1.1 "Resource MW command"; docs/design/SCENARIO.md sign conventions).
 *
 * <p>Fleet power sign: positive = import. Signal sign: +1 = regulation up = less import. Hence
 * {@code requestedKw = baselineKw − signal × awardedKw} and the up-positive response is
 * {@code (baselineKw − meteredKw) / awardedKw}.
 */
public final class RegulationDispatch {

    private RegulationDispatch() {
    }

    /**
     * @param baselineKw declared baseline fleet power, kW (positive = import)
     * @param signal normalized regulation signal, [-1, +1] nominally (raw PJM files stray slightly outside)
     * @param awardedKw awarded regulation capability, kW, &ge; 0
     * @return requested fleet power, kW (positive = import)
     * @throws IllegalArgumentException if a value is not finite or awardedKw is negative
     */
    public static double requestedKw(double baselineKw, double signal, double awardedKw) {
        Checks.requireFinite("baselineKw", baselineKw);
        Checks.requireFinite("signal", signal);
        Checks.requireNonNegative("awardedKw", awardedKw);
        return baselineKw - signal * awardedKw;
    }

    /**
     * The normalized up-positive response of a metered fleet power series: {@code (baseline − metered) / awarded}.
     * Missing metered samples stay missing. Applied to the requested series it gives back the signal, so the
     * scorer can take either what was requested or the signal itself.
     *
     * @param baseline the declared baseline; must cover every sample of {@code fleetKw}
     * @param fleetKw metered (or requested) fleet power, kW, positive = import
     * @param awardedKw awarded capability, kW, &gt; 0
     * @throws IllegalArgumentException if awardedKw is not positive or the baseline does not cover a sample
     */
    public static SampledSeries normalizedResponse(Baseline baseline, SampledSeries fleetKw, double awardedKw) {
        Checks.requirePositive("awardedKw", awardedKw);
        double[] y = new double[fleetKw.size()];
        for (int i = 0; i < y.length; i++) {
            double kw = fleetKw.valueAt(i);
            y[i] = Double.isNaN(kw) ? Double.NaN : (baseline.kwAt(fleetKw.timeAt(i)) - kw) / awardedKw;
        }
        return new SampledSeries(fleetKw.start(), fleetKw.step(), y);
    }
}
