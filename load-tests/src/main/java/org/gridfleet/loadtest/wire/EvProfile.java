package org.gridfleet.loadtest.wire;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The EV plugged into one simulated charger.
 *
 * @param batteryKwh          usable capacity, kWh, &gt; 0
 * @param initialSoc          SoC at plug-in, 0..1
 * @param targetSoc           SoC wanted at departure, 0..1
 * @param reserveSoc          never discharged below this SoC, 0..1
 * @param departure           planned departure
 * @param maxChargeKw         largest charging power, kW, &gt; 0
 * @param maxDischargeKw      largest discharging power as a magnitude, kW, &gt;= 0
 * @param rampKwPerSecond     how fast the power follows a new setpoint, kW/s, &gt; 0
 * @param commandLatency      time from a profile arriving to the power starting to move
 */
public record EvProfile(
    double batteryKwh,
    double initialSoc,
    double targetSoc,
    double reserveSoc,
    Instant departure,
    double maxChargeKw,
    double maxDischargeKw,
    double rampKwPerSecond,
    Duration commandLatency) {

  public EvProfile {
    if (!(batteryKwh > 0)) {
      throw new IllegalArgumentException("batteryKwh must be > 0, was " + batteryKwh);
    }
    requireSoc(initialSoc, "initialSoc");
    requireSoc(targetSoc, "targetSoc");
    requireSoc(reserveSoc, "reserveSoc");
    if (!(maxChargeKw > 0) || !(maxDischargeKw >= 0) || !(rampKwPerSecond > 0)) {
      throw new IllegalArgumentException("powers and ramp must be positive: charge " + maxChargeKw
          + " kW, discharge " + maxDischargeKw + " kW, ramp " + rampKwPerSecond + " kW/s");
    }
    if (commandLatency.isNegative()) {
      throw new IllegalArgumentException("commandLatency must be >= 0, was " + commandLatency);
    }
  }

  /** Energy still owed at departure, kWh (0 when the target is already reached). */
  public double energyNeededKwh() {
    return Math.max(0, (targetSoc - initialSoc) * batteryKwh);
  }

  /**
   * A plausible commuter EV: 40-100 kWh, plugged in at 20-60 % SoC, wants 80-90 % in 4-12 h, 11 kW AC,
   * ramps at 2-10 kW/s and starts moving 0.2-1.5 s after a profile (typical of wallbox + on-board charger).
   */
  public static EvProfile sample(SplittableRandom random, Instant pluggedIn) {
    return new EvProfile(
        40 + random.nextInt(61),
        0.2 + random.nextDouble() * 0.4,
        0.8 + random.nextDouble() * 0.1,
        0.2,
        pluggedIn.plus(Duration.ofMinutes(240 + random.nextInt(480))),
        11,
        11,
        2 + random.nextDouble() * 8,
        Duration.ofMillis(200 + random.nextInt(1300)));
  }

  private static void requireSoc(double soc, String name) {
    if (!(soc >= 0 && soc <= 1)) {
      throw new IllegalArgumentException(name + " must be within 0..1, was " + soc);
    }
  }
}
