package org.gridfleet.aggregator.health;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.UUID;
import org.gridfleet.degradation.AgingState;
import org.gridfleet.degradation.Chemistry;
import org.gridfleet.degradation.SocProfile;

/**
 * A vehicle's persisted battery health: the aging state its model reached over whole metered days since
 * {@code origin} (so {@code asOf = origin + state.days()}), the remaining life at its recent usage, and the
 * wear charged to its budget from discharges metered up to {@code wearThrough}.
 *
 * @param remainingLifeYears years until end-of-life capacity at the recent usage; empty when not within the
 *     horizon or before a first whole day
 * @param dischargedKwh battery energy given back to the grid since the origin, kWh
 */
public record HealthRecord(UUID vehicleId, Instant origin, Chemistry model, AgingState state,
                           OptionalDouble remainingLifeYears, WearLedger ledger, Instant wearThrough,
                           double dischargedKwh) {

    public HealthRecord {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(remainingLifeYears, "remainingLifeYears");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(wearThrough, "wearThrough");
        if (!(dischargedKwh >= 0)) {
            throw new IllegalArgumentException("dischargedKwh must be >= 0, but was " + dischargedKwh);
        }
    }

    /** Whole days stepped so far. */
    public long daysStepped() {
        return Math.round(state.days());
    }

    /** End of the last whole day stepped. */
    public Instant asOf() {
        return origin.plusSeconds(daysStepped() * (long) SocProfile.SECONDS_PER_DAY);
    }
}
