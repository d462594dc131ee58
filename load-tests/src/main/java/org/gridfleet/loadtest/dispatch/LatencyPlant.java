package org.gridfleet.loadtest.dispatch;

import java.util.Arrays;

/**
 * Chargers as SCENARIO.md models them: a new setpoint starts to act {@code latencySeconds} after it is sent, then
 * power moves toward it at {@code rampKwPerSecond}. Integrated in 0.1-s sub-steps. Power in kW, positive = import.
 */
final class LatencyPlant {

    private static final double SUB_STEP_S = 0.1;

    private final double latencySeconds;
    private final double rampKwPerSecond;
    private final double[] powerKw;
    private final double[] targetKw;
    private final double[] pendingKw;
    private final double[] pendingAtS;

    LatencyPlant(int chargers, double latencySeconds, double rampKwPerSecond) {
        this.latencySeconds = latencySeconds;
        this.rampKwPerSecond = rampKwPerSecond;
        powerKw = new double[chargers];
        targetKw = new double[chargers];
        pendingKw = new double[chargers];
        pendingAtS = new double[chargers];
        Arrays.fill(pendingAtS, Double.NaN);
    }

    /** A setpoint sent at {@code atS} (seconds since the start); a newer one replaces a pending one. */
    void command(int i, double kw, double atS) {
        pendingKw[i] = kw;
        pendingAtS[i] = atS + latencySeconds;
    }

    /** Advances charger {@code i} from {@code fromS} for {@code seconds}; returns its mean power, kW. */
    double advance(int i, double fromS, double seconds) {
        double energy = 0;
        int subSteps = (int) Math.round(seconds / SUB_STEP_S);
        for (int k = 0; k < subSteps; k++) {
            double t = fromS + k * SUB_STEP_S;
            if (!Double.isNaN(pendingAtS[i]) && t >= pendingAtS[i] - 1e-9) {
                targetKw[i] = pendingKw[i];
                pendingAtS[i] = Double.NaN;
            }
            double gap = targetKw[i] - powerKw[i];
            double maxMove = rampKwPerSecond * SUB_STEP_S;
            powerKw[i] += Math.max(-maxMove, Math.min(maxMove, gap));
            energy += powerKw[i] * SUB_STEP_S;
        }
        return energy / seconds;
    }

    /** Power now, kW. */
    double powerKw(int i) {
        return powerKw[i];
    }
}
