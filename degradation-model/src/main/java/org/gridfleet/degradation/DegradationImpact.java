package org.gridfleet.degradation;

/**
 * The wear a proposed schedule causes beyond its baseline. Negative values mean the proposal ages
 * the battery less than the baseline (e.g. it keeps SoC lower).
 *
 * @param capacityLoss extra relative capacity lost, {@code q_baseline − q_proposed}
 * @param cost that loss in the caller's currency
 * @param extraCycles extra equivalent full cycles of the nominal capacity
 */
public record DegradationImpact(double capacityLoss, double cost, double extraCycles) {
    /** No extra wear. */
    public static final DegradationImpact NONE = new DegradationImpact(0.0, 0.0, 0.0);

    public DegradationImpact {
        if (!Double.isFinite(capacityLoss) || !Double.isFinite(cost) || !Double.isFinite(extraCycles)) {
            throw new IllegalArgumentException("impact must be finite, but was capacityLoss=" + capacityLoss
                    + ", cost=" + cost + ", extraCycles=" + extraCycles);
        }
    }
}
