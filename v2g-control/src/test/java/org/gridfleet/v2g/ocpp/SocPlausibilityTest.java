package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SocPlausibilityTest {

  @Test
  void socShouldStayReportedWhenItMatchesMeteredEnergy() {
    // GIVEN a 60 kWh battery at 40 %
    SocPlausibility check = new SocPlausibility(60, 0.05);
    check.energy(100);
    check.soc(0.40);
    // WHEN 6 kWh flowed in and the EV says 50 %
    check.energy(106);
    double planning = check.soc(0.50);
    // THEN nothing is flagged
    assertThat(check.flagged()).isFalse();
    assertThat(planning).isEqualTo(0.50);
  }

  @Test
  void socShouldBeFlaggedAndConservativeWhenItDivergesBeyondTolerance() {
    // GIVEN a 60 kWh battery at 40 %
    SocPlausibility check = new SocPlausibility(60, 0.05);
    check.energy(100);
    check.soc(0.40);
    // WHEN 3 kWh flowed in (45 % expected) but the EV says 60 %
    check.energy(103);
    double planning = check.soc(0.60);
    // THEN the session is flagged and planning uses the lower, energy-derived SoC
    assertThat(check.flagged()).isTrue();
    assertThat(planning).isCloseTo(0.45, within(1e-9));
  }
}
