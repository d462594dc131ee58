package org.gridfleet.market.fcr;

import java.time.Duration;
import java.util.Objects;
import org.gridfleet.market.Checks;

/**
 * The limited-energy-reservoir rule (SO GL Art. 156(9)–(11), MARKET-RULES.md §3.1 "LER rule"): an LER provider
 * must be able to sustain full activation, in either direction, for {@code fullActivation} (between 15 and
 * 30 min by the CE TSOs' choice; Germany historically 30 min).
 *
 * <p>Energy headroom is measured against the declared baseline, at the grid side: {@code upHeadroomKwh} is energy
 * the fleet can forgo importing / export (regulation up, low frequency), {@code downHeadroomKwh} extra energy it
 * can absorb (high frequency).
 *
 * @param fullActivation how long full activation must be sustainable, &gt; 0
 */
public record LimitedEnergyReservoir(Duration fullActivation) {

    /** The 30-minute criterion Germany applied. */
    public static final Duration DEFAULT_FULL_ACTIVATION = Duration.ofMinutes(30);

    /** @throws IllegalArgumentException if fullActivation is not positive */
    public LimitedEnergyReservoir {
        Objects.requireNonNull(fullActivation, "fullActivation");
        if (fullActivation.isZero() || fullActivation.isNegative()) {
            throw new IllegalArgumentException("fullActivation must be > 0, but was " + fullActivation);
        }
    }

    /** The rule with the 30-minute default. */
    public static LimitedEnergyReservoir ofDefaults() {
        return new LimitedEnergyReservoir(DEFAULT_FULL_ACTIVATION);
    }

    private double hours() {
        return fullActivation.toNanos() / 3.6e12;
    }

    /**
     * Energy headroom a provider of {@code capacityKw} must hold in each direction, kWh.
     *
     * @throws IllegalArgumentException if capacityKw is negative
     */
    public double requiredHeadroomKwh(double capacityKw) {
        return Checks.requireNonNegative("capacityKw", capacityKw) * hours();
    }

    /**
     * Largest symmetric capacity the headrooms sustain, kW.
     *
     * @throws IllegalArgumentException if a headroom is negative
     */
    public double maxCapacityKw(double upHeadroomKwh, double downHeadroomKwh) {
        Checks.requireNonNegative("upHeadroomKwh", upHeadroomKwh);
        Checks.requireNonNegative("downHeadroomKwh", downHeadroomKwh);
        return Math.min(upHeadroomKwh, downHeadroomKwh) / hours();
    }

    /** Whether both headrooms sustain full activation of {@code capacityKw}. */
    public boolean sustains(double capacityKw, double upHeadroomKwh, double downHeadroomKwh) {
        return capacityKw <= maxCapacityKw(upHeadroomKwh, downHeadroomKwh);
    }
}
