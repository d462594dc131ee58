package org.gridfleet.loadtest.wire;

/**
 * The physics of one plugged-in EV: the power follows the last commanded value after the command latency,
 * moving at the ramp rate; SoC and the energy registers integrate the power. Sign: kW positive = into the
 * battery. Not thread-safe: owned by its charger's event loop. Times are monotonic nanoseconds.
 */
final class SimulatedEv {
  private final EvProfile profile;
  private double soc;
  private double powerKw;
  private double targetKw;
  private double pendingKw;
  private long pendingAtNanos = Long.MAX_VALUE;
  private double importKwh;
  private double exportKwh;
  private long lastNanos;

  /** Starts charging at full power, as an EV does before any profile arrives. */
  SimulatedEv(EvProfile profile, long nowNanos) {
    this.profile = profile;
    this.soc = profile.initialSoc();
    this.targetKw = profile.maxChargeKw();
    this.powerKw = 0;
    this.lastNanos = nowNanos;
  }

  /** A new setpoint or limit arrived: it takes effect after the EV's command latency (latest wins). */
  void command(double kw, long nowNanos) {
    advance(nowNanos);
    pendingKw = Math.max(-profile.maxDischargeKw(), Math.min(profile.maxChargeKw(), kw));
    pendingAtNanos = nowNanos + profile.commandLatency().toNanos();
  }

  /** Integrates up to {@code nowNanos}, applying a pending command at its due time. */
  void advance(long nowNanos) {
    if (pendingAtNanos <= nowNanos) {
      integrate(pendingAtNanos);
      targetKw = pendingKw;
      pendingAtNanos = Long.MAX_VALUE;
    }
    integrate(nowNanos);
  }

  private void integrate(long toNanos) {
    double seconds = (toNanos - lastNanos) / 1e9;
    if (seconds <= 0) {
      return;
    }
    lastNanos = toNanos;
    double goal = boundedBySoc(targetKw);
    double step = profile.rampKwPerSecond() * seconds;
    double next = goal > powerKw ? Math.min(goal, powerKw + step) : Math.max(goal, powerKw - step);
    double energyKwh = (powerKw + next) / 2 * seconds / 3600;
    powerKw = boundedBySoc(next);
    if (energyKwh >= 0) {
      importKwh += energyKwh;
    } else {
      exportKwh -= energyKwh;
    }
    soc = Math.max(0, Math.min(1, soc + energyKwh / profile.batteryKwh()));
  }

  /** A full battery takes no more energy; a battery at its reserve gives no more. */
  private double boundedBySoc(double kw) {
    if (kw > 0 && soc >= 1) {
      return 0;
    }
    if (kw < 0 && soc <= profile.reserveSoc()) {
      return 0;
    }
    return kw;
  }

  EvProfile profile() {
    return profile;
  }

  double soc() {
    return soc;
  }

  double powerKw() {
    return powerKw;
  }

  /** The value last commanded, applied or still pending, kW. */
  double commandedKw() {
    return pendingAtNanos == Long.MAX_VALUE ? targetKw : pendingKw;
  }

  double importKwh() {
    return importKwh;
  }

  double exportKwh() {
    return exportKwh;
  }
}
