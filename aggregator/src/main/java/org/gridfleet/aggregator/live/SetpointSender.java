package org.gridfleet.aggregator.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.gridfleet.v2g.charger.ChargerControl;
import org.gridfleet.v2g.charger.DispatchResult.Status;
import org.gridfleet.v2g.charger.EvseRef;

/**
 * Sends the controller's setpoints that changed since the last one a charger took. A setpoint the charger did
 * not take (rejected, timed out, offline) is forgotten, so the next tick sends it again; one replaced by a newer
 * value before it went out is not. EVSEs no longer steered are forgotten too.
 *
 * <p>Break before make: the raises of a tick go out only once every charger lowered in that tick has answered
 * (or timed out). Chargers sit on different connections and event loops, so a raise sent after a lower can still
 * be applied first, and the site would briefly carry both (seen at 35.6 kW on a 30 kW site under CPU load).
 */
final class SetpointSender {

    private final ChargerControl chargers;
    /** Last value handed (or due to be handed) to each EVSE, kW; written by the tick, cleared by the answers. */
    private final Map<EvseRef, Double> lastSent = new ConcurrentHashMap<>();

    private record Change(EvseRef evse, double kw) {
    }

    SetpointSender(ChargerControl chargers) {
        this.chargers = chargers;
    }

    /**
     * @param setpointsKw  the controller's output per vehicle id, kW (a steered vehicle left out gets 0)
     * @param evseOfVehicle the EVSE of every steered vehicle
     * @return how many setpoints changed: the lowered ones are handed to the gateway now, the raised ones once the
     *     lowered chargers have answered
     */
    int send(Map<String, Double> setpointsKw, Map<String, EvseRef> evseOfVehicle) {
        lastSent.keySet().retainAll(evseOfVehicle.values());
        List<Change> lowers = new ArrayList<>();
        List<Change> raises = new ArrayList<>();
        for (Map.Entry<String, EvseRef> e : evseOfVehicle.entrySet()) {
            double kw = setpointsKw.getOrDefault(e.getKey(), 0.0);
            Double previous = lastSent.put(e.getValue(), kw);
            if (previous == null || kw > previous) {
                raises.add(new Change(e.getValue(), kw));
            } else if (kw < previous) {
                lowers.add(new Change(e.getValue(), kw));
            }
        }
        CompletableFuture<?>[] lowered = new CompletableFuture<?>[lowers.size()];
        for (int i = 0; i < lowered.length; i++) {
            lowered[i] = hand(lowers.get(i));
        }
        CompletableFuture.allOf(lowered).whenComplete((done, error) -> raises.forEach(this::handIfStillDue));
        return lowers.size() + raises.size();
    }

    /** A raise held back behind the lowers goes out unless a later tick has replaced it meanwhile. */
    private void handIfStillDue(Change c) {
        Double due = lastSent.get(c.evse());
        if (due != null && due == c.kw()) {
            hand(c);
        }
    }

    private CompletableFuture<?> hand(Change c) {
        return chargers.setpoint(c.evse(), c.kw()).toCompletableFuture().whenComplete((result, error) -> {
            if (error != null || result.status() != Status.ACCEPTED && result.status() != Status.SUPERSEDED) {
                lastSent.remove(c.evse(), c.kw());
            }
        });
    }
}
