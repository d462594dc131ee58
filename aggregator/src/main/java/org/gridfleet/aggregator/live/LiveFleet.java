package org.gridfleet.aggregator.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gridfleet.v2g.charger.ChargerEvents;
import org.gridfleet.v2g.charger.ChargerRecord;
import org.gridfleet.v2g.charger.EvNeeds;
import org.gridfleet.v2g.charger.MeterSample;
import org.gridfleet.v2g.charger.SessionEvent;

/**
 * The live fleet as the chargers report it: chargers online and one {@link PluggedSession} per busy EVSE.
 * Written by the gateway's event loops (each call is a few map operations, never blocking), read by the
 * control tick on its worker thread, hence concurrent maps holding immutable session values.
 *
 * <p>As {@link OfflineLoad}: a charger offline for less than {@code lastProfileHeld} (since it disconnected,
 * or since this process started for one not seen yet, e.g. after a restart) may still follow its last
 * TxProfile and counts at its rated power; after that it runs on its TxDefaultProfile fallback
 * ({@link ChargerRecord#fallbackKwPerEvse()} per EVSE). A charger that reconnected counts at its rated power
 * until it reports a session or {@link #SESSION_REPORT_GRACE} passes: after a restart the gateway knows no
 * session, while a station in a transaction may be charging on the TxProfile it held before the outage (valid
 * again once online) until its first TransactionEvent says so.
 */
public final class LiveFleet implements ChargerEvents, OfflineLoad, MeterReadings {

    /** A reconnected station reports its running transaction within seconds; a minute covers slow ones. */
    static final Duration SESSION_REPORT_GRACE = Duration.ofSeconds(60);

    private final Clock clock;
    private final Instant started;
    private final Duration lastProfileHeld;
    private final Map<String, Instant> offlineSince = new ConcurrentHashMap<>();
    /** Chargers connected with an accepted boot, and since when. */
    private final Map<String, Instant> onlineSince = new ConcurrentHashMap<>();
    /** Sessions by charger, then EVSE id: a charger going offline drops its sessions in one step. */
    private final Map<String, Map<Integer, PluggedSession>> sessions = new ConcurrentHashMap<>();
    /** Latest metered power per steered vehicle id, kW: the dispatcher reads it in place. */
    private final Map<String, Double> meteredKw = new ConcurrentHashMap<>();
    /** When each vehicle's latest reading arrived, on this clock. */
    private final Map<String, Instant> meteredAt = new ConcurrentHashMap<>();

    /**
     * @param lastProfileHeld how long a disconnected charger may keep its last TxProfile (the gateway's
     *                        {@code maxOfflineDuration})
     */
    public LiveFleet(Clock clock, Duration lastProfileHeld) {
        this.clock = clock;
        this.started = clock.instant();
        this.lastProfileHeld = lastProfileHeld;
    }

    @Override
    public void onConnection(String chargerId, boolean isOnline) {
        if (isOnline) {
            onlineSince.put(chargerId, clock.instant());
            return;
        }
        onlineSince.remove(chargerId);
        offlineSince.put(chargerId, clock.instant());
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
            // power first: a tick that sees the new arrival instant then reads the new power too
            meteredKw.put(s.vehicleId(), sample.powerKw());
            meteredAt.put(s.vehicleId(), clock.instant());
        }
    }

    /** Chargers connected with an accepted boot. */
    public int online() {
        return onlineSince.size();
    }

    @Override
    public double offlineKw(ChargerRecord charger, Instant now) {
        double ratedKw = charger.maxPowerKw() * charger.evseCount();
        Instant connected = onlineSince.get(charger.chargerId());
        if (connected != null) {
            Map<Integer, PluggedSession> atCharger = sessions.get(charger.chargerId());
            boolean reported = atCharger != null && !atCharger.isEmpty();
            // Reconnected with no session reported yet: an OCPP 2.1 TxProfile held over the outage is valid again
            // online, so it may draw up to its rating until its session is known or the grace is over.
            return reported || !now.isBefore(connected.plus(SESSION_REPORT_GRACE)) ? 0 : ratedKw;
        }
        Instant since = offlineSince.getOrDefault(charger.chargerId(), started);
        return now.isBefore(since.plus(lastProfileHeld)) ? ratedKw
                : charger.fallbackKwPerEvse() * charger.evseCount();
    }

    /** A copy of every session now. */
    public List<PluggedSession> sessions() {
        List<PluggedSession> out = new ArrayList<>();
        sessions.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    /** Live map of the latest metered power per steered vehicle id, kW. */
    @Override
    public Map<String, Double> meteredKw() {
        return meteredKw;
    }

    @Override
    public Instant arrivedAt(String vehicleId) {
        return meteredAt.get(vehicleId);
    }

    private void forgetMetered(PluggedSession s) {
        if (s.vehicleId() != null) {
            meteredKw.remove(s.vehicleId());
            meteredAt.remove(s.vehicleId());
        }
    }
}
