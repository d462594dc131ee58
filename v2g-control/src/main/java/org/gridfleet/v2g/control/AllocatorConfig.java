package org.gridfleet.v2g.control;

import java.time.Duration;
import java.util.Objects;

/**
 * Hysteresis of the {@link SetpointAllocator}: a vehicle keeps its previous setpoint when the new one differs by
 * less than {@code minChangeKw}, or when it changed less than {@code minInterval} ago, as long as the previous
 * setpoint is still safe.
 *
 * @param minChangeKw smallest setpoint change worth sending, kW, &ge; 0
 * @param minInterval shortest time between two changes of one vehicle's setpoint, &ge; 0
 */
public record AllocatorConfig(double minChangeKw, Duration minInterval) {

    /** Default smallest change: 0.5 kW. */
    public static final double DEFAULT_MIN_CHANGE_KW = 0.5;
    /** Default shortest interval between changes: 60 s. */
    public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(60);

    public AllocatorConfig {
        VehicleState.requireRange("minChangeKw", minChangeKw, 0, Double.MAX_VALUE);
        Objects.requireNonNull(minInterval, "minInterval");
        if (minInterval.isNegative()) {
            throw new IllegalArgumentException("minInterval must not be negative, but was " + minInterval);
        }
    }

    /** 0.5 kW and 60 s. */
    public static AllocatorConfig ofDefaults() {
        return new AllocatorConfig(DEFAULT_MIN_CHANGE_KW, DEFAULT_MIN_INTERVAL);
    }

    /** No hysteresis at all. */
    public static AllocatorConfig none() {
        return new AllocatorConfig(0, Duration.ZERO);
    }
}
