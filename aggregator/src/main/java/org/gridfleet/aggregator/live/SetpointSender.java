package org.gridfleet.aggregator.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.gridfleet.v2g.charger.ChargerControl;
import org.gridfleet.v2g.charger.DispatchResult.Status;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.control.VehicleState;

/**
 * Sends the controller's setpoints that changed since the last one a charger took. A setpoint the charger did
 * not take (rejected, timed out, offline) is forgotten, so the next tick sends it again; one replaced by a newer
 * value before it went out is not. EVSEs no longer steered are forgotten too.
 *
 * <p>Break before make, per site: a site's raises go out once every charger lowered at that site in the same tick
 * has answered, or after {@code raiseHold} at most. Chargers sit on different connections and event loops, so a
 * raise sent after a lower can still be applied first, and the site would briefly carry both (seen at 35.6 kW on a
 * 30 kW site under CPU load). The bound keeps a charger that never answers from stalling its site's raises for a
 * whole call timeout; a charger that then still draws more than told is the controller's to count.
 */
final class SetpointSender {

    /** Longest a raise waits behind a lower: far above an answer's round trip, far below a call timeout. */
    static final Duration DEFAULT_RAISE_HOLD = Duration.ofSeconds(5);

    private final ChargerControl chargers;
    private final Duration raiseHold;
    /** Last value handed (or due to be handed) to each EVSE, kW; written by the tick, cleared by the answers. */
    private final Map<EvseRef, Double> lastSent = new ConcurrentHashMap<>();

    private record Change(EvseRef evse, double kw) {
    }

    /** A site's changes of one tick. */
    private record SiteChanges(List<Change> lowers, List<Change> raises) {
        SiteChanges() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    SetpointSender(ChargerControl chargers) {
        this(chargers, DEFAULT_RAISE_HOLD);
    }

    SetpointSender(ChargerControl chargers, Duration raiseHold) {
        this.chargers = chargers;
        this.raiseHold = raiseHold;
    }

    /**
     * @param setpointsKw  the controller's output per vehicle id, kW (a steered vehicle left out gets 0)
     * @param evseOfVehicle the EVSE of every steered vehicle
     * @param vehicles     the steered vehicles, for their sites
     * @return how many setpoints changed: the lowered ones are handed to the gateway now, the raised ones once the
     *     lowered chargers of their site have answered
     */
    int send(Map<String, Double> setpointsKw, Map<String, EvseRef> evseOfVehicle, List<VehicleState> vehicles) {
        lastSent.keySet().retainAll(evseOfVehicle.values());
        Map<String, String> siteOf = new HashMap<>(vehicles.size() * 2);
        vehicles.forEach(v -> siteOf.put(v.vehicleId(), v.siteId()));
        Map<String, SiteChanges> bySite = new HashMap<>();
        int changed = 0;
        for (Map.Entry<String, EvseRef> e : evseOfVehicle.entrySet()) {
            double kw = setpointsKw.getOrDefault(e.getKey(), 0.0);
            Double previous = lastSent.put(e.getValue(), kw);
            if (previous != null && previous == kw) {
                continue;
            }
            SiteChanges site = bySite.computeIfAbsent(siteOf.getOrDefault(e.getKey(), ""), s -> new SiteChanges());
            (previous != null && kw < previous ? site.lowers() : site.raises()).add(new Change(e.getValue(), kw));
            changed++;
        }
        bySite.values().forEach(this::breakBeforeMake);
        return changed;
    }

    private void breakBeforeMake(SiteChanges site) {
        CompletableFuture<?>[] lowered = new CompletableFuture<?>[site.lowers().size()];
        for (int i = 0; i < lowered.length; i++) {
            lowered[i] = hand(site.lowers().get(i));
        }
        if (lowered.length == 0) {
            site.raises().forEach(this::hand);
            return;
        }
        CompletableFuture.allOf(lowered).completeOnTimeout(null, raiseHold.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((done, error) -> site.raises().forEach(this::handIfStillDue));
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
