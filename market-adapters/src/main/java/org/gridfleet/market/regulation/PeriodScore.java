package org.gridfleet.market.regulation;

import java.util.Objects;
import org.gridfleet.market.DeliveryPeriod;

/**
 * The performance score of one scoring period (normally one clock hour).
 *
 * @param period the scored period
 * @param score the score
 */
public record PeriodScore(DeliveryPeriod period, PerformanceScore score) {

    /** @throws NullPointerException if a field is null */
    public PeriodScore {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(score, "score");
    }
}
