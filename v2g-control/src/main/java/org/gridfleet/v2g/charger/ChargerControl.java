package org.gridfleet.v2g.charger;

import java.util.concurrent.CompletionStage;

/**
 * What the control core calls to steer EVSEs. Thread-safe; never blocks. Per EVSE the latest value
 * wins: a value not yet sent when a newer one arrives completes {@link DispatchResult.Status#SUPERSEDED}.
 * A slow charger never delays the others.
 */
public interface ChargerControl {

  /**
   * Asks the EVSE's session to follow a power setpoint.
   *
   * @param powerKw signed kW: positive charges the battery, negative discharges it
   */
  CompletionStage<DispatchResult> setpoint(EvseRef evse, double powerKw);

  /**
   * Caps the EVSE's charging power (no discharge).
   *
   * @param maxPowerKw kW, &gt;= 0
   */
  CompletionStage<DispatchResult> limit(EvseRef evse, double maxPowerKw);
}
