package org.gridfleet.v2g.control;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the {@link ScheduledController}.
 *
 * @param lpStep length of one LP step (15 minutes makes the demand-charge term a 15-minute peak)
 * @param horizon how far the receding-horizon LP looks ahead
 * @param resolveEvery the schedule is re-solved at least this often
 * @param minResolveGap arrivals and departures trigger a re-solve of their site, but not more often than this
 *     once the site aggregates (smaller sites re-solve at once)
 * @param departureBucket above {@code aggregateAbove} vehicles at a site, vehicles of one limit node whose
 *     departures fall in the same bucket (and share the greenest preference) are merged into one virtual battery
 * @param aggregateAbove number of vehicles at one site above which that site's LP aggregates (0 = always)
 * @param allocator hysteresis of the real-time allocation
 * @param limitNodes nested limits below the sites
 * @param vehicleNode limit node per vehicle id; vehicles not listed hang under their site
 * @param preferences charging preference per vehicle id
 * @param defaultPreference preference of vehicles not listed
 * @param carbonCostPerKwh carbon signal priced per grid kWh (or a solar signal as a negative price), paid by
 *     {@link ChargingPreference#GREENEST} vehicles; a constant 0 when there is none
 */
public record ScheduledControllerConfig(Duration lpStep, Duration horizon, Duration resolveEvery,
                                        Duration minResolveGap, Duration departureBucket, int aggregateAbove,
                                        AllocatorConfig allocator, List<LimitNode> limitNodes,
                                        Map<String, String> vehicleNode, Map<String, ChargingPreference> preferences,
                                        ChargingPreference defaultPreference, PriceCurve carbonCostPerKwh) {

    /** Default LP step: 15 minutes. */
    public static final Duration DEFAULT_LP_STEP = Duration.ofMinutes(15);
    /** Default horizon: 24 hours. */
    public static final Duration DEFAULT_HORIZON = Duration.ofHours(24);
    /** Default re-solve period: 15 minutes. */
    public static final Duration DEFAULT_RESOLVE_EVERY = Duration.ofMinutes(15);
    /** Default least gap between re-solves of one site on arrivals: 15 minutes (5 was too slow for 1,000 vehicles). */
    public static final Duration DEFAULT_MIN_RESOLVE_GAP = Duration.ofMinutes(15);
    /** Default departure bucket for aggregation: 2 hours. */
    public static final Duration DEFAULT_DEPARTURE_BUCKET = Duration.ofHours(2);
    /**
     * Default number of vehicles at one site above which its LP aggregates: 30. Merging costs accuracy (ACN-Sim
     * March 2019, up to 29 vehicles at once: median cost 1.50 x the optimum aggregated above 20, 1.21 per vehicle),
     * and per-vehicle LPs cost time: the 1,000-vehicle day in sites of 100 takes 6.3 s of CPU at 30, 15 s at 50.
     */
    public static final int DEFAULT_AGGREGATE_ABOVE = 30;

    public ScheduledControllerConfig {
        requirePositive("lpStep", lpStep);
        requirePositive("horizon", horizon);
        requirePositive("resolveEvery", resolveEvery);
        Objects.requireNonNull(minResolveGap, "minResolveGap");
        requirePositive("departureBucket", departureBucket);
        if (aggregateAbove < 0) {
            throw new IllegalArgumentException("aggregateAbove must be >= 0, but was " + aggregateAbove);
        }
        if (horizon.compareTo(lpStep) < 0) {
            throw new IllegalArgumentException("horizon " + horizon + " must be at least one lpStep " + lpStep);
        }
        Objects.requireNonNull(allocator, "allocator");
        limitNodes = List.copyOf(limitNodes);
        vehicleNode = Map.copyOf(vehicleNode);
        preferences = Map.copyOf(preferences);
        Objects.requireNonNull(defaultPreference, "defaultPreference");
        Objects.requireNonNull(carbonCostPerKwh, "carbonCostPerKwh");
    }

    /** 15-minute LP steps over 24 h, re-solved every 15 minutes, aggregated above 30 vehicles a site, lowest cost. */
    public static ScheduledControllerConfig ofDefaults() {
        return new ScheduledControllerConfig(DEFAULT_LP_STEP, DEFAULT_HORIZON, DEFAULT_RESOLVE_EVERY,
                DEFAULT_MIN_RESOLVE_GAP, DEFAULT_DEPARTURE_BUCKET, DEFAULT_AGGREGATE_ABOVE,
                AllocatorConfig.ofDefaults(), List.of(), Map.of(), Map.of(), ChargingPreference.LOWEST_COST,
                PriceCurve.constant(0));
    }

    /** A copy with other nested limits. */
    public ScheduledControllerConfig withLimits(List<LimitNode> nodes, Map<String, String> nodeOfVehicle) {
        return new ScheduledControllerConfig(lpStep, horizon, resolveEvery, minResolveGap, departureBucket,
                aggregateAbove, allocator, nodes, nodeOfVehicle, preferences, defaultPreference, carbonCostPerKwh);
    }

    /** A copy with other preferences. */
    public ScheduledControllerConfig withPreferences(Map<String, ChargingPreference> byVehicle,
                                                     ChargingPreference otherwise) {
        return new ScheduledControllerConfig(lpStep, horizon, resolveEvery, minResolveGap, departureBucket,
                aggregateAbove, allocator, limitNodes, vehicleNode, byVehicle, otherwise, carbonCostPerKwh);
    }

    /** A copy with another hysteresis. */
    public ScheduledControllerConfig withAllocator(AllocatorConfig config) {
        return new ScheduledControllerConfig(lpStep, horizon, resolveEvery, minResolveGap, departureBucket,
                aggregateAbove, config, limitNodes, vehicleNode, preferences, defaultPreference, carbonCostPerKwh);
    }

    /** A copy with a carbon signal for greenest vehicles. */
    public ScheduledControllerConfig withCarbonCost(PriceCurve costPerKwh) {
        return new ScheduledControllerConfig(lpStep, horizon, resolveEvery, minResolveGap, departureBucket,
                aggregateAbove, allocator, limitNodes, vehicleNode, preferences, defaultPreference, costPerKwh);
    }

    /** A copy with other LP timing and aggregation. */
    public ScheduledControllerConfig withLp(Duration step, Duration lookAhead, Duration every, int aggregateAboveN) {
        return new ScheduledControllerConfig(step, lookAhead, every, minResolveGap, departureBucket,
                aggregateAboveN, allocator, limitNodes, vehicleNode, preferences, defaultPreference,
                carbonCostPerKwh);
    }

    /** The preference of one vehicle. */
    public ChargingPreference preferenceOf(String vehicleId) {
        return preferences.getOrDefault(vehicleId, defaultPreference);
    }

    private static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, but was " + d);
        }
    }
}
