package org.gridfleet.loadtest.wire;

import java.time.Duration;
import java.util.Objects;

/**
 * What to do with each fleet size: hold with meter values, replay signals, optionally a reconnect storm.
 *
 * @param hold          steady-state window after connecting (rates, CPU, memory are measured over it)
 * @param signals       regulation samples replayed after the hold (0 = no fan-out measurement)
 * @param warmupSignals samples replayed before those and left out of the fan-out figures, so the rounds measured
 *                      run on JIT-compiled code in both processes (a fan-out path is cold until the first signal)
 * @param stormWindow   reconnects spread over this window after every charger dropped; null = no storm
 * @param connectTimeout longest wait for a fleet to connect (or reconnect)
 */
public record ScenarioPlan(Duration hold, int signals, int warmupSignals, Duration stormWindow,
    Duration connectTimeout) {
  public ScenarioPlan {
    Objects.requireNonNull(hold, "hold");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (hold.isNegative() || signals < 0 || warmupSignals < 0) {
      throw new IllegalArgumentException("hold, signals and warmupSignals must be >= 0");
    }
  }

  public boolean storm() {
    return stormWindow != null;
  }
}
