package org.gridfleet.market.fcr;

import org.gridfleet.market.Checks;
import org.gridfleet.market.SampledSeries;

/**
 * FCR proportional droop (MARKET-RULES.md §3.1 "Activation rule"; docs/design/SCENARIO.md):
 * {@code activation = clamp((f − nominal) / fullActivationDeviation, −1, 1)}, 0 inside the deadband, and
 * {@code requestedKw = baselineKw + capacityKw × activation}. Outside the deadband the activation stays on the
 * line through the nominal frequency (the deadband is an insensitivity, not a shift of the curve).
 *
 * @param nominalHz nominal grid frequency, Hz (50)
 * @param fullActivationDeviationHz deviation at which the full capacity is due, Hz (0.2; FCR-N: 0.1), &gt; 0
 * @param deadbandHz half-width of the band around nominal with no activation, Hz, in [0, fullActivation)
 *     (0 by default; Germany lets providers use up to 0.01)
 */
public record FcrDroop(double nominalHz, double fullActivationDeviationHz, double deadbandHz) {

    public static final double DEFAULT_NOMINAL_HZ = 50.0;
    public static final double DEFAULT_FULL_ACTIVATION_DEVIATION_HZ = 0.2;

    /** @throws IllegalArgumentException naming the field if a value is impossible */
    public FcrDroop {
        Checks.requirePositive("nominalHz", nominalHz);
        Checks.requirePositive("fullActivationDeviationHz", fullActivationDeviationHz);
        Checks.requireNonNegative("deadbandHz", deadbandHz);
        if (deadbandHz >= fullActivationDeviationHz) {
            throw new IllegalArgumentException("deadbandHz must be < fullActivationDeviationHz "
                    + fullActivationDeviationHz + ", but was " + deadbandHz);
        }
    }

    /** Continental Europe FCR: 50 Hz, full activation at ±200 mHz, no deadband. */
    public static FcrDroop ofDefaults() {
        return new FcrDroop(DEFAULT_NOMINAL_HZ, DEFAULT_FULL_ACTIVATION_DEVIATION_HZ, 0);
    }

    /** The same droop with another deadband, Hz. */
    public FcrDroop withDeadbandHz(double newDeadbandHz) {
        return new FcrDroop(nominalHz, fullActivationDeviationHz, newDeadbandHz);
    }

    /**
     * @param frequencyHz measured grid frequency, Hz
     * @return activation in [−1, 1]; positive = more import (frequency above nominal)
     * @throws IllegalArgumentException if frequencyHz is not finite (a missing sample: hold the last valid one)
     */
    public double activation(double frequencyHz) {
        Checks.requireFinite("frequencyHz", frequencyHz);
        double deviation = frequencyHz - nominalHz;
        if (Math.abs(deviation) <= deadbandHz) {
            return 0;
        }
        return Math.max(-1, Math.min(1, deviation / fullActivationDeviationHz));
    }

    /**
     * The activation at every sample of a frequency series; missing samples stay missing (NaN).
     *
     * @param frequencyHz measured grid frequency, Hz
     * @return activation per sample in [−1, 1], positive = more import
     */
    public SampledSeries activations(SampledSeries frequencyHz) {
        double[] a = new double[frequencyHz.size()];
        for (int i = 0; i < a.length; i++) {
            double f = frequencyHz.valueAt(i);
            a[i] = Double.isNaN(f) ? Double.NaN : activation(f);
        }
        return new SampledSeries(frequencyHz.start(), frequencyHz.step(), a);
    }

    /**
     * @param baselineKw declared baseline fleet power, kW (positive = import)
     * @param capacityKw awarded symmetric FCR capacity, kW, &ge; 0
     * @param frequencyHz measured grid frequency, Hz
     * @return requested fleet power, kW (positive = import)
     * @throws IllegalArgumentException if a value is not finite or capacityKw is negative
     */
    public double requestedKw(double baselineKw, double capacityKw, double frequencyHz) {
        Checks.requireFinite("baselineKw", baselineKw);
        Checks.requireNonNegative("capacityKw", capacityKw);
        return baselineKw + capacityKw * activation(frequencyHz);
    }
}
