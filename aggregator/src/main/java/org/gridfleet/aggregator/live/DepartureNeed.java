package org.gridfleet.aggregator.live;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import org.gridfleet.aggregator.fleet.DepartureRule;
import org.gridfleet.aggregator.fleet.Trip;
import org.gridfleet.aggregator.fleet.Vehicle;
import org.gridfleet.v2g.charger.EvNeeds;

/**
 * When a plugged-in vehicle leaves and with what SoC. The EV's own request (NotifyEVChargingNeeds) wins over
 * the fleet owner's settings (the next one-off trip or weekly departure), which win over the configured default
 * stay with a full battery.
 *
 * @param departure when the vehicle leaves, after now
 * @param targetSoc SoC wanted then, 0..1
 */
public record DepartureNeed(Instant departure, double targetSoc) {

    /** Without any declared need the vehicle is filled up within the default stay. */
    static final double DEFAULT_TARGET_SOC = 1.0;

    /**
     * @param needs        the EV's request, or null
     * @param soc          SoC now, 0..1 (turns an energy request into a target SoC)
     * @param defaultDwell assumed stay when neither the EV nor the owner declared a departure
     */
    public static DepartureNeed of(Vehicle vehicle, EvNeeds needs, double soc, Instant now, Duration defaultDwell) {
        DepartureNeed owner = ownerNeed(vehicle, now);
        Instant departure = needs != null && needs.departure() != null && needs.departure().isAfter(now)
                ? needs.departure()
                : owner != null ? owner.departure() : now.plus(defaultDwell);
        double target;
        if (needs != null && needs.targetSoc() != null) {
            target = needs.targetSoc();
        } else if (needs != null && needs.targetEnergyKwh() != null) {
            target = soc + needs.targetEnergyKwh() / vehicle.batteryCapacityKwh();
        } else {
            target = owner != null ? owner.targetSoc() : DEFAULT_TARGET_SOC;
        }
        return new DepartureNeed(departure, Math.max(0, Math.min(1, target)));
    }

    /** The owner's next departure after {@code now}: a trip or the weekly plan (wall clock read as UTC). */
    static DepartureNeed ownerNeed(Vehicle vehicle, Instant now) {
        DepartureNeed next = null;
        for (Trip t : vehicle.trips()) {
            if (t.departure().isAfter(now) && (next == null || t.departure().isBefore(next.departure()))) {
                next = new DepartureNeed(t.departure(), t.targetSoc());
            }
        }
        for (DepartureRule r : vehicle.departurePlan()) {
            Instant at = nextOccurrence(r.day(), r, now);
            if (next == null || at.isBefore(next.departure())) {
                next = new DepartureNeed(at, r.targetSoc());
            }
        }
        return next;
    }

    private static Instant nextOccurrence(DayOfWeek day, DepartureRule rule, Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        Instant at = today.with(TemporalAdjusters.nextOrSame(day)).atTime(rule.time()).toInstant(ZoneOffset.UTC);
        return at.isAfter(now) ? at : at.plus(Duration.ofDays(7));
    }
}
