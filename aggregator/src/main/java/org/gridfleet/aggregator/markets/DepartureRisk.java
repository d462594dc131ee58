package org.gridfleet.aggregator.markets;

import org.gridfleet.aggregator.bidding.DepartureScenarios;
import org.gridfleet.v2g.control.VehicleState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How uncertain the declared plug-in plan is, from the fleet's history: the plug-in scenarios the P90 forecast is
 * taken over ({@link DepartureScenarios}).
 *
 * @param scenarios number of equally likely scenarios, &ge; 10 (fewer make the 90th percentile meaningless)
 * @param earlyProbability chance a vehicle leaves early, 0..1
 * @param maxEarly how much earlier at most, &ge; 0
 * @param absentProbability chance a declared vehicle does not plug in at all, 0..1
 * @param seed random seed, so a forecast can be reproduced
 */
public record DepartureRisk(int scenarios, double earlyProbability, Duration maxEarly, double absentProbability,
                            long seed) {

    public static final DepartureRisk DEFAULT = new DepartureRisk(100, 0.1, Duration.ofHours(2), 0.05, 1);

    public DepartureRisk {
        Objects.requireNonNull(maxEarly, "maxEarly");
        if (scenarios < 10) {
            throw new IllegalArgumentException("scenarios must be >= 10, but was " + scenarios);
        }
        // DepartureScenarios checks the probabilities and maxEarly with field names; fail at config time instead.
        DepartureScenarios.sample(List.of(), 1, earlyProbability, maxEarly, absentProbability, Instant.EPOCH, seed);
    }

    /** The scenarios for {@code declared} vehicles as seen at {@code now}. */
    public List<List<VehicleState>> sample(List<VehicleState> declared, Instant now) {
        return DepartureScenarios.sample(declared, scenarios, earlyProbability, maxEarly, absentProbability, now, seed);
    }
}
