package org.gridfleet.aggregator.openadr.grid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.dr.DemandResponseLimit;
import org.gridfleet.market.dr.DemandResponseLimits;
import org.gridfleet.market.dr.LimitDirection;
import org.gridfleet.market.dr.PriceSignal;

/**
 * OpenADR obligations in the dispatcher's terms: the caps for {@code Dispatcher.limits(DemandResponseLimits)} and
 * the prices for the scheduler's tariff. Scopes follow the dispatcher: a site id, or {@link DemandResponseLimit#FLEET}
 * for the portfolio. Power in kW, positive = import at the scope's grid connection (base load included).
 *
 * <ul>
 *   <li>IMPORT/EXPORT_CAPACITY_LIMIT: an import or export cap as given.</li>
 *   <li>SIMPLE level L: an import cap of (1 − shed[L]) × max(0, baseline); level 0 (shed 0) asks nothing.</li>
 *   <li>DISPATCH_SETPOINT S and DISPATCH_SETPOINT_RELATIVE (S = baseline + delta): the band [S − b, S + b] as an
 *       import cap and a floor (a negative export cap), b = the dispatcher's hysteresis band, so the dispatcher,
 *       which aims one band inside each cap, aims at S itself. A floor never outranks a cap: it is lowered to
 *       2 b under every import cap of its scope (or of the portfolio) whose window overlaps it. Reserve, departure
 *       and site limits stay with the allocator, so a setpoint they forbid is missed, never forced.</li>
 * </ul>
 *
 * <p>The baseline is the event's frozen import at the target ({@link Baselines}); an obligation that needs one
 * before it is frozen is simply not in force yet. What has no dispatcher form (fleet targets) is listed in
 * {@code notHonoured} with the reason, never dropped.
 *
 * @param limits      import/export caps and floors per site and for the whole portfolio, each with its window
 * @param prices      import/export prices per kWh per site and for the portfolio
 * @param notHonoured obligations the dispatcher cannot take, each with why, for the caller to report
 */
public record DispatchOverlay(DemandResponseLimits limits, List<PriceSignal> prices, List<NotHonoured> notHonoured) {

    /** The dispatcher's default hysteresis band, kW ({@code DispatchConfig.ofDefaults()}). */
    public static final double DEFAULT_SETPOINT_BAND_KW = 0.5;

    public DispatchOverlay {
        Objects.requireNonNull(limits, "limits");
        prices = List.copyOf(prices);
        notHonoured = List.copyOf(notHonoured);
    }

    /** An obligation Gridfleet cannot honour, and why (said to the utility in the warning and the overlay's list). */
    public record NotHonoured(GridObligation obligation, String reason) {
        public NotHonoured {
            Objects.requireNonNull(obligation, "obligation");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The frozen baseline import of an event at a target. */
    @FunctionalInterface
    public interface Baselines {
        /** No baseline frozen for any event. */
        Baselines NONE = (eventId, target) -> Double.NaN;

        /** Import at {@code target} the event's baseline-relative payloads are measured from, kW; NaN when not frozen. */
        double baselineKw(String eventId, GridTarget target);
    }

    /** {@link #of(Collection, Baselines, double)} before any baseline is frozen, with the default band. */
    public static DispatchOverlay of(Collection<? extends GridObligation> obligations) {
        return of(obligations, Baselines.NONE, DEFAULT_SETPOINT_BAND_KW);
    }

    /**
     * Pure: the overlay of {@code obligations} (e.g. {@link ObligationBoard#all()}), in their order.
     *
     * @param setpointBandKw half-width of a setpoint's band, kW (&ge; 0): the dispatcher's hysteresis band
     */
    public static DispatchOverlay of(Collection<? extends GridObligation> obligations, Baselines baselines,
                                     double setpointBandKw) {
        List<DemandResponseLimit> limits = new ArrayList<>();
        List<DemandResponseLimit> floors = new ArrayList<>();
        List<PriceSignal> prices = new ArrayList<>();
        List<NotHonoured> notHonoured = new ArrayList<>();
        for (GridObligation o : obligations) {
            String scope = scopeOf(o.target());
            DeliveryPeriod window = new DeliveryPeriod(o.from(), o.to());
            if (scope == null) {
                notHonoured.add(new NotHonoured(o, fleetReason(o.target())));
            } else if (o instanceof GridObligation.ImportCapacityLimit cap) {
                limits.add(new DemandResponseLimit(scope, LimitDirection.IMPORT, cap.limitKw(), window));
            } else if (o instanceof GridObligation.ExportCapacityLimit cap) {
                limits.add(new DemandResponseLimit(scope, LimitDirection.EXPORT, cap.limitKw(), window));
            } else if (o instanceof GridObligation.PriceSignal price) {
                LimitDirection side = price.direction() == GridObligation.Direction.IMPORT
                        ? LimitDirection.IMPORT : LimitDirection.EXPORT;
                prices.add(new PriceSignal(scope, side, price.pricePerKwh(), window));
            } else if (o instanceof GridObligation.SimpleLevel level) {
                double baseline = baselines.baselineKw(o.eventId(), o.target());
                if (level.shedFraction() > 0 && !Double.isNaN(baseline)) {
                    limits.add(new DemandResponseLimit(scope, LimitDirection.IMPORT,
                            (1 - level.shedFraction()) * Math.max(0, baseline), window));
                }
            } else if (o instanceof GridObligation.DispatchSetpoint setpoint) {
                double targetKw = setpoint.relative()
                        ? baselines.baselineKw(o.eventId(), o.target()) + setpoint.powerKw() : setpoint.powerKw();
                if (!Double.isNaN(targetKw)) {
                    limits.add(new DemandResponseLimit(scope, LimitDirection.IMPORT, targetKw + setpointBandKw, window));
                    floors.add(new DemandResponseLimit(scope, LimitDirection.EXPORT, -(targetKw - setpointBandKw),
                            window));
                }
            }
        }
        List<DemandResponseLimit> caps = List.copyOf(limits);
        for (DemandResponseLimit floor : floors) {
            limits.add(belowCaps(floor, caps, 2 * setpointBandKw));
        }
        return new DispatchOverlay(new DemandResponseLimits(limits), prices, notHonoured);
    }

    /** {@code floor} lowered to {@code gapKw} under every import cap of its scope or the portfolio it overlaps. */
    private static DemandResponseLimit belowCaps(DemandResponseLimit floor, List<DemandResponseLimit> caps,
                                                 double gapKw) {
        double floorKw = floor.minKw();
        for (DemandResponseLimit cap : caps) {
            boolean binds = cap.scopeId().equals(floor.scopeId()) || cap.scopeId().equals(DemandResponseLimit.FLEET);
            if (binds && cap.direction() == LimitDirection.IMPORT && overlap(cap.window(), floor.window())) {
                floorKw = Math.min(floorKw, cap.limitKw() - gapKw);
            }
        }
        return floorKw == floor.minKw() ? floor
                : new DemandResponseLimit(floor.scopeId(), LimitDirection.EXPORT, -floorKw, floor.window());
    }

    private static boolean overlap(DeliveryPeriod a, DeliveryPeriod b) {
        return a.start().isBefore(b.end()) && b.start().isBefore(a.end());
    }

    /** The dispatcher scope of a target, or null when it has none (a fleet). */
    private static String scopeOf(GridTarget target) {
        if (target instanceof GridTarget.Site site) {
            return site.siteId();
        }
        return target instanceof GridTarget.Portfolio ? DemandResponseLimit.FLEET : null;
    }

    private static String fleetReason(GridTarget target) {
        return "GROUP target " + ((GridTarget.Fleet) target).fleetId() + " is a fleet: Gridfleet enforces caps,"
                + " setpoints and prices at a site's grid connection or for the whole portfolio, and a fleet's"
                + " vehicles share sites with other fleets, so no meter measures the fleet alone;"
                + " target its sites (RESOURCE_NAME) or the portfolio instead";
    }
}
