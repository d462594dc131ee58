package org.gridfleet.v2g.charger;

import java.time.Instant;
import java.util.Objects;

/**
 * One meter reading of a session. Absent measurands are {@code null}.
 *
 * @param evse              the EVSE
 * @param transactionId     the OCPP transaction id (1.6 integer ids as text)
 * @param at                sample time as reported by the charger
 * @param socReported       SoC the EV reported, fraction 0..1
 * @param socForPlanning    SoC the control core should plan on: the reported one, or the conservative
 *                          (lower) of reported and energy-derived when the session is flagged
 * @param powerKw           signed active power, kW (+ import into the battery)
 * @param energyImportKwh   import register, kWh
 * @param energyExportKwh   export register, kWh
 * @param socSuspect        the session's reported SoC diverged from metered energy beyond tolerance
 */
public record MeterSample(
    EvseRef evse,
    String transactionId,
    Instant at,
    Double socReported,
    Double socForPlanning,
    Double powerKw,
    Double energyImportKwh,
    Double energyExportKwh,
    boolean socSuspect) {

  public MeterSample {
    Objects.requireNonNull(evse, "evse");
    Objects.requireNonNull(at, "at");
    requireSoc(socReported, "socReported");
    requireSoc(socForPlanning, "socForPlanning");
  }

  private static void requireSoc(Double soc, String name) {
    if (soc != null && !(soc >= 0 && soc <= 1)) {
      throw new IllegalArgumentException(name + " must be within 0..1, was " + soc);
    }
  }
}
