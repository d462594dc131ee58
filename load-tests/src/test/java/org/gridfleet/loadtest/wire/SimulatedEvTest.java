package org.gridfleet.loadtest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatedEvTest {
  private static final long SECOND = 1_000_000_000L;

  /** 60 kWh at 50 %, ±11 kW, ramp 2 kW/s, 1 s command latency, reserve 20 %. */
  private static EvProfile profile(double soc) {
    return new EvProfile(60, soc, 0.8, 0.2, Instant.parse("2026-11-28T18:00:00Z"), 11, 11, 2,
        Duration.ofSeconds(1));
  }

  @Test
  void powerShouldFollowSetpointOnlyAfterLatencyAndAtRampRateWhenCommanded() {
    // GIVEN an EV that has ramped to full charging power
    SimulatedEv ev = new SimulatedEv(profile(0.5), 0);
    ev.advance(10 * SECOND);
    assertThat(ev.powerKw()).isEqualTo(11.0);

    // WHEN told to discharge at 5 kW
    ev.command(-5, 10 * SECOND);

    // THEN nothing moves during the latency, then power falls 2 kW/s until it reaches -5 kW
    ev.advance(11 * SECOND);
    assertThat(ev.powerKw()).isEqualTo(11.0);
    ev.advance(13 * SECOND);
    assertThat(ev.powerKw()).isCloseTo(7.0, within(1e-9));
    ev.advance(30 * SECOND);
    assertThat(ev.powerKw()).isEqualTo(-5.0);
  }

  @Test
  void socShouldIntegrateEnergyWhenPowerIsSteady() {
    // GIVEN an EV charging at 11 kW
    SimulatedEv ev = new SimulatedEv(profile(0.5), 0);
    ev.advance(10 * SECOND);
    double socBefore = ev.soc();
    double importBefore = ev.importKwh();

    // WHEN one hour passes
    ev.advance(3610 * SECOND);

    // THEN 11 kWh went into the 60 kWh battery
    assertThat(ev.importKwh() - importBefore).isCloseTo(11.0, within(1e-6));
    assertThat(ev.soc() - socBefore).isCloseTo(11.0 / 60, within(1e-6));
  }

  @Test
  void dischargeShouldStopWhenSocReachesReserve() {
    // GIVEN an EV just above its 20 % reserve, told to discharge at full power
    SimulatedEv ev = new SimulatedEv(profile(0.21), 0);
    ev.command(-11, 0);

    // WHEN far longer than the 0.6 kWh above reserve lasts
    for (long t = 1; t <= 3600; t++) {
      ev.advance(t * SECOND);
    }

    // THEN it stopped at the reserve instead of draining the battery
    assertThat(ev.powerKw()).isEqualTo(0.0);
    assertThat(ev.soc()).isCloseTo(0.2, within(0.002));
    assertThat(ev.exportKwh()).isCloseTo(0.6, within(0.15));
  }
}
