package org.gridfleet.aggregator.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gridfleet.v2g.charger.ChargerEvents;
import org.gridfleet.v2g.charger.EvNeeds;
import org.gridfleet.v2g.charger.MeterSample;
import org.gridfleet.v2g.charger.SessionEvent;

/**
 * The live fleet as the chargers report it: chargers online and one {@link PluggedSession} per busy EVSE.
 * Written by the gateway's event loops (each call is a few map operations, never blocking), read by the
 * control tick on its worker thread, hence concurrent maps holding immutable session values.
 */
public final class LiveFleet implements ChargerEvents {

    private final Set<String> online = ConcurrentHashMap.newKeySet();
    /** Sessions by charger, then EVSE id: a charger going offline drops its sessions in one step. */
    private final Map<String, Map<Integer, PluggedSession>> sessions = new ConcurrentHashMap<>();
    /** Latest metered power per steered vehicle id, kW: the dispatcher reads it in place. */
    private final Map<String, Double> meteredKw = new ConcurrentHashMap<>();

    @Override
    public void onConnection(String chargerId, boolean isOnline) {
        if (isOnline) {
            online.add(chargerId);
            return;
        }
        online.remove(chargerId);
        // A charger that lost Gridfleet follows its fallback profile; its sessions come back on reconnect.
        Map<Integer, PluggedSession> gone = sessions.remove(chargerId);
        if (gone != null) {
            gone.values().forEach(this::forgetMetered);
        }
    }

    @Override
    public void onSession(SessionEvent e) {
        Map<Integer, PluggedSession> atCharger =
                sessions.computeIfAbsent(e.evse().chargerId(), id -> new ConcurrentHashMap<>());
        if (e.kind() == SessionEvent.Kind.STARTED) {
            PluggedSession previous = atCharger.put(e.evse().evseId(), PluggedSession.started(e));
            if (previous != null) {
                forgetMetered(previous);
            }
            return;
        }
        PluggedSession current = atCharger.get(e.evse().evseId());
        if (current != null && current.transactionId().equals(e.transactionId())
                && atCharger.remove(e.evse().evseId(), current)) {
            forgetMetered(current);
        }
    }

    @Override
    public void onNeeds(EvNeeds needs) {
        Map<Integer, PluggedSession> atCharger = sessions.get(needs.evse().chargerId());
        if (atCharger != null) {
            atCharger.computeIfPresent(needs.evse().evseId(), (id, s) -> s.withNeeds(needs));
        }
    }

    @Override
    public void onMeter(MeterSample sample) {
        Map<Integer, PluggedSession> atCharger = sessions.get(sample.evse().chargerId());
        if (atCharger == null) {
            return;
        }
        PluggedSession s = atCharger.computeIfPresent(sample.evse().evseId(), (id, old) -> old.withMeter(sample));
        if (s != null && s.vehicleId() != null && sample.powerKw() != null) {
            meteredKw.put(s.vehicleId(), sample.powerKw());
        }
    }

    /** Chargers connected with an accepted boot. */
    public int online() {
        return online.size();
    }

    /** Whether the charger is connected with an accepted boot. */
    public boolean isOnline(String chargerId) {
        return online.contains(chargerId);
    }

    /** A copy of every session now. */
    public List<PluggedSession> sessions() {
        List<PluggedSession> out = new ArrayList<>();
        sessions.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    /** Live map of the latest metered power per steered vehicle id, kW (read in place by the dispatcher). */
    public Map<String, Double> meteredKw() {
        return meteredKw;
    }

    private void forgetMetered(PluggedSession s) {
        if (s.vehicleId() != null) {
            meteredKw.remove(s.vehicleId());
        }
    }
}
