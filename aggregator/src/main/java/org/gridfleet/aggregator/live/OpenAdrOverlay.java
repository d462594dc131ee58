package org.gridfleet.aggregator.live;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gridfleet.aggregator.openadr.grid.DispatchOverlay;
import org.gridfleet.aggregator.openadr.grid.GridObligation;
import org.gridfleet.aggregator.openadr.grid.GridObligationListener;
import org.gridfleet.aggregator.openadr.grid.GridTarget;
import org.gridfleet.aggregator.openadr.grid.ObligationBoard;
import org.gridfleet.market.dr.DemandResponseLimit;
import org.gridfleet.market.dr.DemandResponseLimits;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.Tariff;
import org.gridfleet.v2g.control.VehicleState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenADR events' hand-off to the control loop: the VTN (or the VEN client) reports each event's obligations
 * here on an event loop, this keeps them on an {@link ObligationBoard}, and each control tick asks {@link #at} for the
 * {@link Snapshot} (the dispatcher's caps and floors, the schedule's tariff) in force.
 *
 * <p><b>Baseline</b> (SIMPLE levels, DISPATCH_SETPOINT_RELATIVE): the import the schedule planned at the event's
 * target (site base load plus the scheduled power of the vehicles there, before the dispatcher) at the last tick
 * before the event first applied, frozen for the event's life. Frozen, so the fleet cannot move its own baseline
 * during the event, and the utility can check it against the metered import before the start; planned rather than
 * metered, so a charger's metering lag does not shift it. An event withdrawn and posted again gets a new baseline.
 *
 * <p><b>Not honoured</b>: fleet targets and site-scoped prices (the schedule has one portfolio tariff), and a
 * setpoint the safety limits keep the fleet from reaching (checked against each tick's setpoints), are listed by
 * {@link #notHonoured()} and logged once each, with the event id, never dropped silently.
 */
public final class OpenAdrOverlay implements GridObligationListener {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAdrOverlay.class);
    /** Further off its setpoint than this (the dispatcher's undeliverable tolerance), a scope missed it, kW. */
    static final double SETPOINT_MISS_KW = 1.0;

    /**
     * What the events ask of the next tick.
     *
     * @param limits import/export caps and floors per site id and for the portfolio ({@link DemandResponseLimit#FLEET})
     * @param tariff the flat prices with portfolio-wide event prices over their intervals, currency/kWh
     */
    public record Snapshot(DemandResponseLimits limits, Tariff tariff) {
    }

    private record Key(String eventId, GridTarget target) {
    }

    private final ObligationBoard board = new ObligationBoard();
    private final double flatImportPerKwh;
    private final double flatExportPerKwh;
    private final double setpointBandKw;
    private final FleetTicks ticks;
    private final Map<Key, Double> baselineKw = new HashMap<>();
    /** Event id → what of it is not honoured (by a stable key) → why. */
    private final Map<String, Map<String, String>> notes = new TreeMap<>();
    /** Event id → the first tick that ran with its latest obligations. */
    private final Map<String, Instant> appliedFrom = new HashMap<>();
    /** Events changed since the latest tick. */
    private final Set<String> unapplied = new HashSet<>();
    private Snapshot current;

    /**
     * @param flatImportPerKwh the configured import price outside any price event, currency/kWh
     * @param flatExportPerKwh the configured export price outside any price event, currency/kWh
     * @param setpointBandKw   the dispatcher's hysteresis band, kW: a setpoint S becomes the band S ± this
     * @param ticks            the control loop's latest tick, for baselines and missed setpoints
     */
    public OpenAdrOverlay(double flatImportPerKwh, double flatExportPerKwh, double setpointBandKw, FleetTicks ticks) {
        this.flatImportPerKwh = flatImportPerKwh;
        this.flatExportPerKwh = flatExportPerKwh;
        this.setpointBandKw = setpointBandKw;
        this.ticks = ticks;
        this.current = snapshot();
    }

    /** Serialized with {@link #at} so the board, baselines and snapshot change together. */
    @Override
    public synchronized void obligationsChanged(String eventId, List<GridObligation> obligations) {
        board.obligationsChanged(eventId, obligations);
        notes.remove(eventId);
        appliedFrom.remove(eventId);
        unapplied.add(eventId);
        if (obligations.isEmpty()) {
            baselineKw.keySet().removeIf(k -> k.eventId().equals(eventId));
        }
        current = snapshot();
        for (GridObligation o : obligations) {
            if (o instanceof GridObligation.PriceSignal p && p.target() instanceof GridTarget.Site site) {
                note(eventId, "price@" + site.siteId(), "site-scoped " + p.direction() + " price for " + site.siteId()
                        + " is not honoured: the schedule prices the whole portfolio with one tariff;"
                        + " send the price without targets to apply it");
            }
        }
    }

    /**
     * The snapshot for the tick at {@code now}: freezes the baselines of events that apply from {@code now} on, and
     * notes setpoints the latest tick missed. The control tick's thread.
     */
    public synchronized Snapshot at(Instant now) {
        FleetTicks.Tick tick = ticks.latest();
        boolean frozen = false;
        for (GridObligation o : board.inForce(now)) {
            if (tick != null && needsBaseline(o) && !(o.target() instanceof GridTarget.Fleet)) {
                frozen |= baselineKw.putIfAbsent(new Key(o.eventId(), o.target()),
                        importKw(tick, o.target(), tick.plannedKw())) == null;
            }
        }
        if (frozen) {
            current = snapshot();
        }
        for (String eventId : unapplied) {
            if (!board.ofEvent(eventId).isEmpty()) {
                appliedFrom.put(eventId, now);
            }
        }
        unapplied.clear();
        if (tick != null) {
            noteMissedSetpoints(tick);
        }
        return current;
    }

    /** The latest snapshot (as of the latest change or tick); any thread. */
    public synchronized Snapshot current() {
        return current;
    }

    /** The frozen baseline of an event at a target, kW; NaN before the event first applied. */
    public synchronized double baselineKw(String eventId, GridTarget target) {
        return baselineKw.getOrDefault(new Key(eventId, target), Double.NaN);
    }

    /** Event id → why parts of it are not honoured; events honoured in full are absent. */
    public synchronized Map<String, List<String>> notHonoured() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        notes.forEach((event, reasons) -> out.put(event, List.copyOf(reasons.values())));
        return out;
    }

    private Snapshot snapshot() {
        DispatchOverlay overlay = DispatchOverlay.of(board.all(),
                (eventId, target) -> baselineKw.getOrDefault(new Key(eventId, target), Double.NaN), setpointBandKw);
        for (DispatchOverlay.NotHonoured n : overlay.notHonoured()) {
            note(n.obligation().eventId(), "target@" + n.obligation().target(), n.reason());
        }
        return new Snapshot(overlay.limits(), EventTariff.of(overlay.prices(), flatImportPerKwh, flatExportPerKwh));
    }

    /** A setpoint in force at the tick whose scope the tick's setpoints left further off than the tolerance. */
    private void noteMissedSetpoints(FleetTicks.Tick tick) {
        for (GridObligation o : board.inForce(tick.at())) {
            Instant applied = appliedFrom.get(o.eventId());
            if (!(o instanceof GridObligation.DispatchSetpoint s) || o.target() instanceof GridTarget.Fleet
                    || applied == null || tick.at().isBefore(applied)) {
                continue; // only ticks that ran with the setpoint in force can have missed it
            }
            double targetKw = s.relative() ? baselineKw(s.eventId(), s.target()) + s.powerKw() : s.powerKw();
            double commandedKw = importKw(tick, s.target(), tick.setpointsKw());
            if (Math.abs(commandedKw - targetKw) > SETPOINT_MISS_KW) {
                note(s.eventId(), "missed@" + s.target() + "@" + s.from(), String.format(Locale.ROOT,
                        "DISPATCH_SETPOINT%s of %.1f kW at %s not reached from %s: %.1f kW is as close as the"
                                + " vehicles' reserve, departure needs, power limits and the site limit allow",
                        s.relative() ? "_RELATIVE" : "", targetKw, describe(s.target()), tick.at(), commandedKw));
            }
        }
    }

    private void note(String eventId, String key, String reason) {
        if (notes.computeIfAbsent(eventId, e -> new LinkedHashMap<>()).putIfAbsent(key, reason) == null) {
            LOG.warn("[event: {}] not honoured by the live control loop: {}", eventId, reason);
        }
    }

    private static boolean needsBaseline(GridObligation o) {
        return (o instanceof GridObligation.SimpleLevel l && l.shedFraction() > 0)
                || (o instanceof GridObligation.DispatchSetpoint s && s.relative());
    }

    /** Base load of the scope's sites plus {@code vehicleKw} of the steered vehicles there, kW. */
    private static double importKw(FleetTicks.Tick tick, GridTarget scope, Map<String, Double> vehicleKw) {
        double kw = 0;
        for (SiteState site : tick.input().sites().values()) {
            if (inScope(scope, site.siteId())) {
                kw += site.baseLoadKw();
            }
        }
        for (VehicleState v : tick.input().vehicles()) {
            if (inScope(scope, v.siteId())) {
                kw += vehicleKw.getOrDefault(v.vehicleId(), 0.0);
            }
        }
        return kw;
    }

    private static boolean inScope(GridTarget scope, String siteId) {
        return scope instanceof GridTarget.Portfolio
                || (scope instanceof GridTarget.Site s && s.siteId().equals(siteId));
    }

    private static String describe(GridTarget target) {
        return target instanceof GridTarget.Site s ? "site " + s.siteId() : "the portfolio";
    }
}
