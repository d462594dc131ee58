package org.gridfleet.market.bidding;

import java.util.Arrays;
import org.gridfleet.market.Checks;

/**
 * Capacity that is available with at least a given probability (Energinet P90, MARKET-RULES.md §3.2: the sold
 * capacity must be available with ≥ 90 % probability). Empirical: from equally likely samples of the
 * available kW, the largest c with {@code #(samples ≥ c) ≥ probability × n}.
 */
public final class ReliableCapacity {

    /** Energinet's P90 probability. */
    public static final double P90 = 0.9;

    private ReliableCapacity() {
    }

    /**
     * @param availableKw equally likely samples of available capacity, kW, each finite and &ge; 0
     * @param probability required availability probability, (0, 1]
     * @return the largest capacity available in at least {@code probability} of the samples, kW
     * @throws IllegalArgumentException if there are no samples, a sample is negative or not finite, or the
     *     probability is out of range
     */
    public static double fromSamples(double[] availableKw, double probability) {
        if (availableKw.length == 0) {
            throw new IllegalArgumentException("availableKw must hold at least one sample");
        }
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1], but was " + probability);
        }
        double[] sorted = availableKw.clone();
        for (int i = 0; i < sorted.length; i++) {
            Checks.requireNonNegative("availableKw[" + i + "]", sorted[i]);
        }
        Arrays.sort(sorted);
        int n = sorted.length;
        // Choosing sorted[k] leaves n − k samples at or above it; the largest k with n − k ≥ p·n.
        int k = (int) Math.floor(n - Math.ceil(probability * n - 1e-9));
        return sorted[Math.max(0, Math.min(n - 1, k))];
    }

    /**
     * Joint chance constraint over the steps of a delivery period (Gade et al., quoted in MARKET-RULES.md §3.2):
     * the capacity must be available at every step of the period in at least {@code probability} of the scenarios.
     * Each scenario's usable capacity is its minimum over the steps.
     *
     * @param scenarioStepKw {@code [scenario][step]} available kW, every scenario of equal length ≥ 1
     * @throws IllegalArgumentException if there are no scenarios, a scenario is empty, or a value is invalid
     */
    public static double fromScenarios(double[][] scenarioStepKw, double probability) {
        if (scenarioStepKw.length == 0) {
            throw new IllegalArgumentException("scenarioStepKw must hold at least one scenario");
        }
        double[] minima = new double[scenarioStepKw.length];
        for (int s = 0; s < minima.length; s++) {
            if (scenarioStepKw[s].length == 0) {
                throw new IllegalArgumentException("scenarioStepKw[" + s + "] must hold at least one step");
            }
            minima[s] = Arrays.stream(scenarioStepKw[s]).min().orElseThrow();
        }
        return fromSamples(minima, probability);
    }
}
