package org.gridfleet.aggregator.live;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.gridfleet.aggregator.openadr.grid.FlexibilityReading;
import org.gridfleet.aggregator.openadr.grid.FlexibilitySource;
import org.gridfleet.aggregator.openadr.grid.GridTarget;
import org.gridfleet.v2g.control.PowerRange;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.VehicleEnvelope;
import org.gridfleet.v2g.control.VehicleState;

/**
 * OpenADR report numbers from the live loop: usage and demand over the window from the sites' metered history,
 * and the baseline (the schedule's plan plus the sites' other load), the up/down flexibility and the storage
 * figures from the latest tick's plugged-in vehicles (their power ranges under reserve and departure, around the
 * setpoints in force; more import only within the site's usable limit). Answers from memory, never blocks.
 * Reads fail, naming why, for a fleet target (vehicles of a fleet spread over sites: no per-fleet meter), an
 * unknown site, before the first tick, and for a window no tick covered: no report with invented numbers.
 */
public final class LiveFlexibility implements FlexibilitySource {

    private final FleetTicks ticks;

    public LiveFlexibility(FleetTicks ticks) {
        this.ticks = Objects.requireNonNull(ticks, "ticks");
    }

    @Override
    public Future<FlexibilityReading> reading(GridTarget target, Instant from, Instant to) {
        try {
            return Future.succeededFuture(read(target, from, to));
        } catch (IllegalStateException e) {
            return Future.failedFuture(e);
        }
    }

    private FlexibilityReading read(GridTarget target, Instant from, Instant to) {
        FleetTicks.Tick tick = ticks.latest();
        if (tick == null) {
            throw new IllegalStateException("the control loop has not ticked yet: no numbers to report");
        }
        Map<String, SiteState> sites = tick.input().sites();
        Predicate<String> inTarget = sitesOf(target, sites);
        MeteredHistory.Usage usage = ticks.history().usage(inTarget, from, to).orElseThrow(() ->
                new IllegalStateException("no metered data for the target between " + from + " and " + to));

        double baselineKw = 0;
        Map<String, Double> roomKw = new HashMap<>();
        for (SiteState s : sites.values()) {
            if (inTarget.test(s.siteId())) {
                baselineKw += s.baseLoadKw();
                roomKw.put(s.siteId(), s.usableLimitKw() - s.baseLoadKw());
            }
        }
        double upKw = 0;
        double downKw = 0;
        double capacityKwh = 0;
        double storedKwh = 0;
        double maxDischargeKw = 0;
        double maxChargeKw = 0;
        Map<String, Double> moreImportKw = new HashMap<>();
        for (VehicleState v : tick.input().vehicles()) {
            if (!inTarget.test(v.siteId())) {
                continue;
            }
            PowerRange range = VehicleEnvelope.range(v, tick.at(), tick.input().step());
            double now = range.clamp(tick.setpointsKw().getOrDefault(v.vehicleId(), 0.0));
            baselineKw += tick.plannedKw().getOrDefault(v.vehicleId(), 0.0);
            upKw += now - range.minKw();
            moreImportKw.merge(v.siteId(), range.maxKw() - now, Double::sum);
            roomKw.merge(v.siteId(), -now, Double::sum);
            capacityKwh += v.batteryKwh();
            storedKwh += v.soc() * v.batteryKwh();
            maxDischargeKw += v.maxDischargeKw();
            maxChargeKw += v.maxChargeKw();
        }
        for (Map.Entry<String, Double> e : moreImportKw.entrySet()) {
            downKw += Math.max(0, Math.min(e.getValue(), roomKw.getOrDefault(e.getKey(), 0.0)));
        }
        return new FlexibilityReading(usage.energyKwh(), usage.averageKw(), baselineKw, Math.max(0, upKw), downKw,
                capacityKwh, capacityKwh == 0 ? 0 : Math.min(1, storedKwh / capacityKwh), maxDischargeKw, maxChargeKw);
    }

    private static Predicate<String> sitesOf(GridTarget target, Map<String, SiteState> sites) {
        if (target instanceof GridTarget.Site s) {
            if (!sites.containsKey(s.siteId())) {
                throw new IllegalStateException("target site " + s.siteId() + " is not a Gridfleet site");
            }
            return s.siteId()::equals;
        }
        if (target instanceof GridTarget.Fleet f) {
            throw new IllegalStateException("target fleet " + f.fleetId()
                    + ": Gridfleet meters sites, not fleets, so it reports per site or for the portfolio");
        }
        return site -> true;
    }
}
