package org.gridfleet.loadtest.wire;

import java.time.Duration;
import java.util.Objects;

/**
 * What to do with each fleet size: hold with meter values, replay signals, optionally a reconnect storm.
 *
 * @param hold          steady-state window after connecting (rates, CPU, memory are measured over it)
 * @param signals       regulation samples replayed after the hold (0 = no fan-out measurement)
 * @param stormWindow   reconnects spread over this window after every charger dropped; null = no storm
 * @param connectTimeout longest wait for a fleet to connect (or reconnect)
 */
public record ScenarioPlan(Duration hold, int signals, Duration stormWindow, Duration connectTimeout) {
  public ScenarioPlan {
    Objects.requireNonNull(hold, "hold");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (hold.isNegative() || signals < 0) {
      throw new IllegalArgumentException("hold and signals must be >= 0");
    }
  }

  public boolean storm() {
    return stormWindow != null;
  }
}
