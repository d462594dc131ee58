package org.gridfleet.aggregator.bidding;

import org.gridfleet.v2g.control.VehicleState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plug-in scenarios from declared departures: in each scenario every vehicle either stays until its declared
 * departure, leaves early (by up to {@code maxEarly}, uniformly), or is not there at all. The probabilities come from
 * the fleet's history (how often drivers leave early or skip a session).
 */
public final class DepartureScenarios {

    private DepartureScenarios() {
    }

    /**
     * @param declared the vehicles with their declared departures
     * @param count number of scenarios, &ge; 1
     * @param earlyProbability chance a vehicle leaves early, 0..1
     * @param maxEarly how much earlier at most, &ge; 0
     * @param absentProbability chance a vehicle is not plugged in at all, 0..1
     * @param now departures are never moved before this instant
     * @param seed random seed (scenarios are reproducible)
     */
    public static List<List<VehicleState>> sample(List<VehicleState> declared, int count, double earlyProbability,
                                                  Duration maxEarly, double absentProbability, Instant now,
                                                  long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, but was " + count);
        }
        requireProbability("earlyProbability", earlyProbability);
        requireProbability("absentProbability", absentProbability);
        if (maxEarly.isNegative()) {
            throw new IllegalArgumentException("maxEarly must not be negative, but was " + maxEarly);
        }
        Random rnd = new Random(seed);
        List<List<VehicleState>> out = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            List<VehicleState> fleet = new ArrayList<>(declared.size());
            for (VehicleState v : declared) {
                if (rnd.nextDouble() < absentProbability) {
                    continue;
                }
                Instant departure = v.departure();
                if (rnd.nextDouble() < earlyProbability) {
                    departure = departure.minusMillis((long) (rnd.nextDouble() * maxEarly.toMillis()));
                    if (departure.isBefore(now)) {
                        departure = now;
                    }
                }
                fleet.add(new VehicleState(v.vehicleId(), v.siteId(), v.batteryKwh(), v.soc(), v.reserveSoc(),
                        v.targetSoc(), departure, v.maxChargeKw(), v.maxDischargeKw(), v.efficiency(),
                        v.degradationCostPerKwh(), v.urgent()));
            }
            out.add(fleet);
        }
        return out;
    }

    private static void requireProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], but was " + p);
        }
    }
}
