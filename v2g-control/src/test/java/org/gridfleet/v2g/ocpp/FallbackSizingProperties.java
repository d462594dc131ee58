package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.gridfleet.v2g.charger.ChargerRecord;
import org.gridfleet.v2g.charger.ChargerRecord.Admission;

class FallbackSizingProperties {

  @Property(tries = 2000)
  void fallbacksShouldNeverExceedTheSiteLimitWhenEveryEvseAtTheSiteFallsBack(
      @ForAll @DoubleRange(min = 1, max = 5000) double siteLimitKw,
      @ForAll @IntRange(min = 1, max = 500) int chargers,
      @ForAll @IntRange(min = 1, max = 4) int evses,
      @ForAll @DoubleRange(min = 1.4, max = 350) double maxPowerKw) {
    // GIVEN a charger at a site
    ChargerRecord charger = new ChargerRecord("cp", "s", Admission.ACCEPTED, false, maxPowerKw, evses, siteLimitKw, chargers);
    // WHEN every EVSE of every charger runs on its fallback
    double perEvseW = FallbackSizing.perEvseLimitW(charger);
    // THEN the total stays within the site limit and each EVSE within its rating
    assertThat(perEvseW * evses * chargers).isLessThanOrEqualTo(siteLimitKw * 1000);
    assertThat(perEvseW).isBetween(0.0, maxPowerKw * 1000);
  }
}
