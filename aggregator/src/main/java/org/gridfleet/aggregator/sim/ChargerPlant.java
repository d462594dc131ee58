package org.gridfleet.aggregator.sim;

/**
 * Simulated chargers and batteries, one slot per vehicle, kept in flat arrays so a step allocates nothing.
 *
 * <p>Model (SCENARIO.md): a setpoint starts to act {@code commandLatencyMs} after it is sent; power then moves
 * toward it at {@code rampKwPerSecond}. Battery kWh = grid kWh &times; efficiency when charging, grid kWh /
 * efficiency when discharging. The battery stops drawing at full and stops giving at empty. A setpoint sent
 * while an older one is still in flight replaces it. Power in kW, positive = into the battery.
 *
 * <p>Each slot may carry a {@link ChargerFault}: setpoints ignored from some moment on, a slower ramp, lost
 * setpoints. With {@link ChargerFault#NONE} everywhere the plant is exactly the model above.
 */
public final class ChargerPlant {
    private static final double SECONDS_PER_HOUR = 3600;

    private final double latencySeconds;
    private final double[] rampKwPerSecond;
    private final double efficiency;
    private final ChargerFault[] faults;
    private final FaultInjection injection;
    private final double[] capacityKwh;
    private final double[] energyKwh;
    private final double[] powerKw;
    private final double[] targetKw;
    private final double[] pendingKw;
    private final double[] pendingAtSecond;

    /**
     * @param capacityKwh battery capacity per slot, kWh
     * @param energyKwh initial stored energy per slot, kWh (copied)
     */
    public ChargerPlant(double latencySeconds, double rampKwPerSecond, double efficiency, double[] capacityKwh,
                        double[] energyKwh) {
        this(latencySeconds, rampKwPerSecond, efficiency, capacityKwh, energyKwh, null, FaultInjection.none());
    }

    /**
     * @param faults each slot's fault (copied), or null for none
     * @param injection draws which setpoints are lost
     */
    public ChargerPlant(double latencySeconds, double rampKwPerSecond, double efficiency, double[] capacityKwh,
                        double[] energyKwh, ChargerFault[] faults, FaultInjection injection) {
        if (!(latencySeconds >= 0 && rampKwPerSecond > 0 && efficiency > 0 && efficiency <= 1)) {
            throw new IllegalArgumentException("latency >= 0, ramp > 0 and efficiency in (0, 1] required");
        }
        this.latencySeconds = latencySeconds;
        this.efficiency = efficiency;
        this.capacityKwh = capacityKwh.clone();
        this.energyKwh = energyKwh.clone();
        int n = capacityKwh.length;
        this.faults = new ChargerFault[n];
        this.rampKwPerSecond = new double[n];
        for (int i = 0; i < n; i++) {
            this.faults[i] = faults == null ? ChargerFault.NONE : faults[i];
            this.rampKwPerSecond[i] = rampKwPerSecond * this.faults[i].rampFactor();
        }
        this.injection = injection;
        powerKw = new double[n];
        targetKw = new double[n];
        pendingKw = new double[n];
        pendingAtSecond = new double[n];
        java.util.Arrays.fill(pendingAtSecond, Double.NaN);
    }

    /**
     * Sends setpoint {@code kw} to slot {@code i} at simulated second {@code nowSecond}.
     *
     * @return whether the charger acknowledged it (a lost setpoint is neither acknowledged nor applied; an ignoring
     *     charger acknowledges and drops it)
     */
    public boolean command(int i, double kw, double nowSecond) {
        ChargerFault fault = faults[i];
        if (injection.happens(fault.ackLossProbability())) {
            return false;
        }
        if (!fault.ignoresAt(nowSecond)) {
            pendingKw[i] = kw;
            pendingAtSecond[i] = nowSecond + latencySeconds;
        }
        return true;
    }

    /**
     * Moves slot {@code i} from {@code fromSecond} for {@code seconds}.
     *
     * @return grid energy over the interval, kWh (positive = import)
     */
    public double advance(int i, double fromSecond, double seconds) {
        double gridKwh = 0;
        double end = fromSecond + seconds;
        double t = fromSecond;
        if (!Double.isNaN(pendingAtSecond[i]) && pendingAtSecond[i] < end) {
            double switchAt = Math.max(t, pendingAtSecond[i]);
            gridKwh += move(i, switchAt - t);
            targetKw[i] = pendingKw[i];
            pendingAtSecond[i] = Double.NaN;
            t = switchAt;
        }
        return gridKwh + move(i, end - t);
    }

    /** Ramps toward the target for {@code seconds}, then applies the energy to the battery. */
    private double move(int i, double seconds) {
        if (seconds <= 0) {
            return 0;
        }
        double p0 = powerKw[i];
        double target = targetKw[i];
        double ramp = rampKwPerSecond[i];
        double reachSeconds = Math.abs(target - p0) / ramp;
        double kwSeconds;
        double p1;
        if (reachSeconds >= seconds) {
            p1 = p0 + Math.signum(target - p0) * ramp * seconds;
            kwSeconds = (p0 + p1) / 2 * seconds;
        } else {
            p1 = target;
            kwSeconds = (p0 + target) / 2 * reachSeconds + target * (seconds - reachSeconds);
        }
        double gridKwh = kwSeconds / SECONDS_PER_HOUR;
        double batteryKwh = gridKwh >= 0 ? gridKwh * efficiency : gridKwh / efficiency;
        double after = energyKwh[i] + batteryKwh;
        if (after > capacityKwh[i]) {
            gridKwh = (capacityKwh[i] - energyKwh[i]) / efficiency;
            after = capacityKwh[i];
            p1 = 0;
        } else if (after < 0) {
            gridKwh = -energyKwh[i] * efficiency;
            after = 0;
            p1 = 0;
        }
        energyKwh[i] = after;
        powerKw[i] = p1;
        return gridKwh;
    }

    /** Stored energy of slot {@code i}, kWh. */
    public double energyKwh(int i) {
        return energyKwh[i];
    }

    /**
     * Whether slot {@code i} is off its commands at {@code nowSecond}: ignoring them, or still short of its target
     * because it ramps slower than declared.
     */
    public boolean misbehaving(int i, double nowSecond) {
        ChargerFault fault = faults[i];
        return fault.ignoresAt(nowSecond) || fault.rampFactor() < 1 && powerKw[i] != targetKw[i];
    }

    /** Grid-side power of slot {@code i} now, kW. */
    public double powerKw(int i) {
        return powerKw[i];
    }
}
