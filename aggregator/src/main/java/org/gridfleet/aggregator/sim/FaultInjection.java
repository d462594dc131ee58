package org.gridfleet.aggregator.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Which simulated chargers misbehave and how, drawn from one seed so that a failing run reproduces. {@link #none()}
 * leaves every charger as SCENARIO.md models it and the simulation unchanged.
 */
public final class FaultInjection {
    private final Random random;
    private final double faultyShare;
    private final Map<String, ChargerFault> drawn = new HashMap<>();

    private FaultInjection(Random random, double faultyShare) {
        this.random = random;
        this.faultyShare = faultyShare;
    }

    /** No faults at all. */
    public static FaultInjection none() {
        return new FaultInjection(null, 0);
    }

    /**
     * Every fault kind mixed: each vehicle's charger is faulty with chance {@code faultyShare} and then gets each
     * fault with chance 1/2 (ignoring setpoints from a random moment of its stay; a ramp 2 to 100 times slower than
     * declared; up to half of its setpoints lost; SoC drifting up to 5 % per hour either way; up to half of its meter
     * values duplicated and up to half delivered again out of order).
     */
    public static FaultInjection mixed(long seed, double faultyShare) {
        if (!(faultyShare >= 0 && faultyShare <= 1)) {
            throw new IllegalArgumentException("faultyShare must be in [0, 1], but was " + faultyShare);
        }
        return new FaultInjection(new Random(seed), faultyShare);
    }

    boolean active() {
        return random != null;
    }

    /** The faults drawn so far by vehicle id; chargers left as modelled are not listed. */
    public Map<String, ChargerFault> drawn() {
        return Map.copyOf(drawn);
    }

    /** Draws the faults of the charger serving {@code v}; seconds count from {@code startSecond}. */
    ChargerFault draw(Scenario.Vehicle v, long startSecond) {
        if (!active() || random.nextDouble() >= faultyShare) {
            return ChargerFault.NONE;
        }
        double arrivalSecond = v.arrival().getEpochSecond() - startSecond;
        double departureSecond = v.departure().getEpochSecond() - startSecond;
        double ignoreFrom = coin() ? arrivalSecond + random.nextDouble() * (departureSecond - arrivalSecond)
                : Double.POSITIVE_INFINITY;
        double rampFactor = coin() ? 0.01 + 0.49 * random.nextDouble() : 1;
        double ackLoss = coin() ? 0.5 * random.nextDouble() : 0;
        double drift = coin() ? 0.1 * random.nextDouble() - 0.05 : 0;
        double duplicate = coin() ? 0.5 * random.nextDouble() : 0;
        double stale = coin() ? 0.5 * random.nextDouble() : 0;
        ChargerFault fault = new ChargerFault(ignoreFrom, rampFactor, ackLoss, drift, duplicate, stale);
        drawn.put(v.id(), fault);
        return fault;
    }

    /** One draw with chance {@code probability}. */
    boolean happens(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }

    private boolean coin() {
        return random.nextBoolean();
    }
}
