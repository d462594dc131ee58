package org.gridfleet.aggregator.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gridfleet.v2g.charger.ChargerControl;
import org.gridfleet.v2g.charger.DispatchResult.Status;
import org.gridfleet.v2g.charger.EvseRef;

/**
 * Sends the controller's setpoints that changed since the last one a charger took. A setpoint the charger did
 * not take (rejected, timed out, offline) is forgotten, so the next tick sends it again; one replaced by a newer
 * value before it went out is not. EVSEs no longer steered are forgotten too.
 */
final class SetpointSender {

    private final ChargerControl chargers;
    /** Last value handed to each EVSE, kW; written by the tick, cleared by the gateway's answers. */
    private final Map<EvseRef, Double> lastSent = new ConcurrentHashMap<>();

    SetpointSender(ChargerControl chargers) {
        this.chargers = chargers;
    }

    /**
     * @param setpointsKw  the controller's output per vehicle id, kW (a steered vehicle left out gets 0)
     * @param evseOfVehicle the EVSE of every steered vehicle
     * @return how many setpoints were handed to the gateway
     */
    int send(Map<String, Double> setpointsKw, Map<String, EvseRef> evseOfVehicle) {
        lastSent.keySet().retainAll(evseOfVehicle.values());
        // Lowered setpoints go out before raised ones, so a site does not briefly carry both.
        return pass(setpointsKw, evseOfVehicle, true) + pass(setpointsKw, evseOfVehicle, false);
    }

    private int pass(Map<String, Double> setpointsKw, Map<String, EvseRef> evseOfVehicle, boolean lowering) {
        int sent = 0;
        for (Map.Entry<String, EvseRef> e : evseOfVehicle.entrySet()) {
            double kw = setpointsKw.getOrDefault(e.getKey(), 0.0);
            EvseRef evse = e.getValue();
            Double previous = lastSent.get(evse);
            boolean lower = previous != null && kw < previous;
            if ((previous != null && previous == kw) || lower != lowering) {
                continue;
            }
            lastSent.put(evse, kw);
            sent++;
            chargers.setpoint(evse, kw).thenAccept(result -> {
                if (result.status() != Status.ACCEPTED && result.status() != Status.SUPERSEDED) {
                    lastSent.remove(evse, kw);
                }
            });
        }
        return sent;
    }
}
