package org.gridfleet.aggregator.live;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridfleet.v2g.control.VehicleState;

/**
 * The metered power the dispatcher may judge each vehicle by (its non-responder check and its settled-shortfall
 * correction): a reading counts only when it reached Gridfleet at least the response grace after the vehicle's
 * setpoint in force was handed out. Chargers report every {@code TxUpdatedInterval} (often 60 s), and a station
 * may send nothing between transaction events: an older reading shows the power from before the setpoint. Judged
 * against it, a vehicle that follows strikes out as a non-responder, and the dispatcher stops moving its setpoint
 * (36 vans whose plan rose to 11 kW after a 0 W start reading stayed at 11 kW under a regulation-up signal).
 * Without a settled reading a vehicle is not judged. Power in kW, positive = into the battery. Not thread-safe:
 * the control tick's thread only.
 */
final class JudgedReadings {

    private final MeterReadings fleet;
    private final Duration grace;
    /** What the dispatcher reads in place, refreshed each tick. */
    private final Map<String, Double> judgedKw = new HashMap<>();
    private final Map<String, Double> handedOutKw = new HashMap<>();
    /** When each vehicle's setpoint in force has had its grace: readings from then on reflect it. */
    private final Map<String, Instant> settlesAt = new HashMap<>();

    /** @param grace the time a charger gets to reach a new setpoint (the dispatcher's response grace) */
    JudgedReadings(MeterReadings fleet, Duration grace) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    /** The map the dispatcher reads in place: the settled readings per vehicle id, kW. */
    Map<String, Double> judgedKw() {
        return judgedKw;
    }

    /** Before a dispatch: keeps each vehicle's reading only if it arrived once its setpoint had settled. */
    void refresh(List<VehicleState> vehicles) {
        // put and remove in place, not clear and refill: a tick allocates no map entry for a known vehicle
        for (VehicleState v : vehicles) {
            String id = v.vehicleId();
            // arrival first: the fleet writes the power before its arrival instant, so this power is as new
            Instant arrived = fleet.arrivedAt(id);
            Double kw = fleet.meteredKw().get(id);
            Instant settles = settlesAt.get(id);
            if (kw != null && arrived != null && (settles == null || !arrived.isBefore(settles))) {
                judgedKw.put(id, kw);
            } else {
                judgedKw.remove(id);
            }
        }
    }

    /** After a dispatch: a setpoint that changed starts a new grace. */
    void handedOut(Map<String, Double> inForceKw, Instant now) {
        inForceKw.forEach((id, kw) -> {
            Double before = handedOutKw.put(id, kw);
            if (!kw.equals(before)) {
                settlesAt.put(id, now.plus(grace));
            }
        });
        if (handedOutKw.size() > inForceKw.size()) {
            handedOutKw.keySet().retainAll(inForceKw.keySet());
            settlesAt.keySet().retainAll(inForceKw.keySet());
            judgedKw.keySet().retainAll(inForceKw.keySet());
        }
    }
}
