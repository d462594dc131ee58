package org.gridfleet.v2g.control;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A piecewise-constant price: each step holds from its instant until the next step.
 * Before the first step the first price holds.
 */
public final class PriceCurve {

    /** One step of the curve: {@code pricePerKwh} from {@code from} on, currency/kWh. */
    public record Step(Instant from, double pricePerKwh) {
        public Step {
            Objects.requireNonNull(from, "from");
            if (!Double.isFinite(pricePerKwh)) {
                throw new IllegalArgumentException("pricePerKwh must be finite, but was " + pricePerKwh);
            }
        }
    }

    private final long[] fromEpochSeconds;
    private final double[] prices;

    /**
     * @param steps at least one step, strictly increasing in time
     * @throws IllegalArgumentException if steps is empty or not strictly increasing
     */
    public PriceCurve(List<Step> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a price curve needs at least one step");
        }
        fromEpochSeconds = new long[steps.size()];
        prices = new double[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            fromEpochSeconds[i] = steps.get(i).from().getEpochSecond();
            prices[i] = steps.get(i).pricePerKwh();
            if (i > 0 && fromEpochSeconds[i] <= fromEpochSeconds[i - 1]) {
                throw new IllegalArgumentException("price steps must be strictly increasing in time, step " + i
                        + " at " + steps.get(i).from() + " is not after " + steps.get(i - 1).from());
            }
        }
    }

    /** A curve with one price for all time. */
    public static PriceCurve constant(double pricePerKwh) {
        return new PriceCurve(List.of(new Step(Instant.EPOCH, pricePerKwh)));
    }

    /** The price in force at {@code t}, currency/kWh. */
    public double priceAt(Instant t) {
        int i = Arrays.binarySearch(fromEpochSeconds, t.getEpochSecond());
        if (i < 0) {
            i = Math.max(0, -i - 2);
        }
        return prices[i];
    }
}
