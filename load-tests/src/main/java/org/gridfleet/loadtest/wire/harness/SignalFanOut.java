package org.gridfleet.loadtest.wire.harness;

import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import org.gridfleet.market.live.SignalSink;
import org.gridfleet.v2g.charger.ChargerControl;
import org.gridfleet.v2g.charger.EvseRef;

/**
 * Stand-in for the aggregator's dispatch loop: each regulation signal sample (+1 = up = more export) becomes
 * the same setpoint for every EVSE in session, {@code -signal × maxPowerKw}, sent through the gateway's
 * {@link ChargerControl}. No allocation, no hysteresis: it measures the wire, not the control core.
 */
final class SignalFanOut implements SignalSink {
  private final ChargerControl control;
  private final LiveSessions sessions;
  private final double maxPowerKw;
  private final LongAdder samples = new LongAdder();

  SignalFanOut(ChargerControl control, LiveSessions sessions, double maxPowerKw) {
    this.control = control;
    this.sessions = sessions;
    this.maxPowerKw = maxPowerKw;
  }

  @Override
  public void accept(String productId, Instant at, double value) {
    samples.increment();
    setAll(-Math.max(-1, Math.min(1, value)) * maxPowerKw);
  }

  /** Sends one setpoint to every EVSE in session; returns how many were addressed. */
  int setAll(double powerKw) {
    int n = 0;
    for (EvseRef evse : sessions.evses()) {
      control.setpoint(evse, powerKw);
      n++;
    }
    return n;
  }

  long samples() {
    return samples.sum();
  }
}
