package org.gridfleet.v2g.charger;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * One-off commands to an EVSE, next to {@link ChargerControl}'s setpoints: clear Gridfleet's profile,
 * read the composite schedule, start or stop a session remotely, ask for a message. Thread-safe; never
 * blocks. Commands queue behind pending setpoints on the charger's single outbound CALL slot and are
 * never superseded. A charger that is not connected or booted answers {@link DispatchResult.Status#OFFLINE}.
 */
public interface ChargerCommands {

  /** Messages a charger can be asked to send now (OCPP TriggerMessage; common to 1.6, 2.0.1 and 2.1). */
  enum Trigger { BOOT_NOTIFICATION, HEARTBEAT, METER_VALUES, STATUS_NOTIFICATION }

  /**
   * Removes Gridfleet's TxProfile from the EVSE, so the charger falls back to its TxDefaultProfile.
   * A charger with no matching profile answers {@code Unknown}: REJECTED with detail "Unknown".
   */
  CompletionStage<DispatchResult> clearChargingProfile(EvseRef evse);

  /**
   * The limits the EVSE will actually apply over the next {@code duration}, all profiles combined.
   *
   * @param duration 1 s .. 1 day
   */
  CompletionStage<CompositeSchedule> compositeSchedule(EvseRef evse, Duration duration);

  /**
   * Starts a session on the EVSE for this id token (2.x RequestStartTransaction, 1.6
   * RemoteStartTransaction). REJECTED without sending anything when a transaction is already running.
   *
   * @param idToken the token the session is authorised with (type Central on 2.x)
   */
  CompletionStage<DispatchResult> startTransaction(EvseRef evse, String idToken);

  /** Stops the EVSE's running transaction (2.x RequestStopTransaction, 1.6 RemoteStopTransaction); NO_SESSION if none. */
  CompletionStage<DispatchResult> stopTransaction(EvseRef evse);

  /** Asks the charger to send {@code message} for the EVSE now (TriggerMessage). */
  CompletionStage<DispatchResult> trigger(EvseRef evse, Trigger message);
}
