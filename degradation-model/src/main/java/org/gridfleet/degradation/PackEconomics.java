package org.gridfleet.degradation;

/**
 * What a pack's wear is worth: the pack is written off linearly in capacity from new ({@code q = 1})
 * to its end of life.
 *
 * @param packPricePerKwh replacement price of the pack per kWh of nominal energy, in the caller's
 *     currency (e.g. EUR/kWh), &gt;= 0
 * @param endOfLifeCapacity relative capacity at which the pack is replaced, within (0, 1), e.g. 0.8
 */
public record PackEconomics(double packPricePerKwh, double endOfLifeCapacity) {
    public PackEconomics {
        if (!(packPricePerKwh >= 0.0 && Double.isFinite(packPricePerKwh))) {
            throw new IllegalArgumentException("packPricePerKwh must be >= 0, but was " + packPricePerKwh);
        }
        if (!(endOfLifeCapacity > 0.0 && endOfLifeCapacity < 1.0)) {
            throw new IllegalArgumentException("endOfLifeCapacity must be within (0, 1), but was " + endOfLifeCapacity);
        }
    }

    /** Currency per unit of relative capacity lost for one kWh of nominal pack energy. */
    double pricePerCapacityLossPerKwh() {
        return packPricePerKwh / (1.0 - endOfLifeCapacity);
    }
}
