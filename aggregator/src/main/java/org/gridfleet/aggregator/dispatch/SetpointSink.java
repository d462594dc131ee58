package org.gridfleet.aggregator.dispatch;

/**
 * Where the {@link Dispatcher} hands the setpoints that changed: one call per vehicle whose setpoint moved by more
 * than the hysteresis band. The OCPP gateway adapts this port to charging profiles; simulators apply it to a plant.
 *
 * <p>Called on the dispatcher's thread; an implementation must not block (queue the command, do not wait for the
 * charger's answer).
 */
@FunctionalInterface
public interface SetpointSink {

    /**
     * @param vehicleId the vehicle
     * @param powerKw the new setpoint, kW at the grid side, positive = into the battery (import)
     */
    void accept(String vehicleId, double powerKw);
}
