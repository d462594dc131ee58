package org.gridfleet.v2g.charger;

import java.time.Instant;
import java.util.Objects;

/**
 * What the EV asked for (OCPP 2.x NotifyEVChargingNeeds). Absent values are {@code null}. Energies are
 * relative to the present SoC, kWh, signed (negative = may be discharged that much).
 *
 * @param evse                  the EVSE
 * @param departure             planned departure
 * @param targetEnergyKwh       energy wanted by departure (2.1 evTargetEnergyRequest, 2.0.1 energyAmount)
 * @param minEnergyKwh          energy needed at least by departure (2.1 evMinEnergyRequest)
 * @param minV2xEnergyKwh       lowest energy the EV allows during V2X (2.1 evMinV2XEnergyRequest)
 * @param maxV2xEnergyKwh       highest energy the EV allows during V2X (2.1 evMaxV2XEnergyRequest)
 * @param targetSoc             target SoC, 0..1
 * @param maxChargePowerKw      EV's max charge power, kW &gt;= 0
 * @param maxDischargePowerKw   EV's max discharge power as a magnitude, kW &gt;= 0 (0 = no V2X)
 */
public record EvNeeds(
    EvseRef evse,
    Instant departure,
    Double targetEnergyKwh,
    Double minEnergyKwh,
    Double minV2xEnergyKwh,
    Double maxV2xEnergyKwh,
    Double targetSoc,
    Double maxChargePowerKw,
    Double maxDischargePowerKw) {

  public EvNeeds {
    Objects.requireNonNull(evse, "evse");
    if (targetSoc != null && !(targetSoc >= 0 && targetSoc <= 1)) {
      throw new IllegalArgumentException("targetSoc must be within 0..1, was " + targetSoc);
    }
    if (maxChargePowerKw != null && maxChargePowerKw < 0) {
      throw new IllegalArgumentException("maxChargePowerKw must be >= 0, was " + maxChargePowerKw);
    }
    if (maxDischargePowerKw != null && maxDischargePowerKw < 0) {
      throw new IllegalArgumentException(
          "maxDischargePowerKw must be >= 0, was " + maxDischargePowerKw);
    }
  }
}
