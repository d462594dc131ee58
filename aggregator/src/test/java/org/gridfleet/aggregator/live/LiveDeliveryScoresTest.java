package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.gridfleet.aggregator.markets.DeliveryScores.DeliveryScore;
import org.gridfleet.market.Award;
import org.gridfleet.market.Baseline;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.Obligation;
import org.gridfleet.market.Offer;
import org.gridfleet.market.Product;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.regulation.ScoringConfig;
import org.junit.jupiter.api.Test;

class LiveDeliveryScoresTest {

    private static final Instant T0 = Instant.parse("2026-11-30T18:00:00Z");
    private static final DeliveryPeriod HOUR = DeliveryPeriod.of(T0, Duration.ofHours(1));
    private static final Product REGD = new Product("pjm-regd", ProductKind.REGULATION, Duration.ofHours(1),
            Duration.ofSeconds(2), 100, 1_000_000, true);
    private static final double AWARDED_KW = 100;
    private static final double BASELINE_KW = 150;
    private static final Obligation DELIVERED = Obligation.offered(new Offer("o1", REGD, HOUR, 200, 17, 0.5), T0)
            .award(new Award("o1", HOUR, AWARDED_KW, 20, 1), T0).declareBaseline(Baseline.flat(HOUR, BASELINE_KW))
            .startDelivery(T0);

    private final LiveDeliveryScores scores = new LiveDeliveryScores(ScoringConfig.ofDefaults());

    /** A RegD-like swing with a five-minute period. */
    private static double signalAt(long second) {
        return Math.sin(2 * Math.PI * second / 300.0);
    }

    /** Signal every 2 s for {@code signalSeconds}; metered at 5-s ticks as {@code followed} of the request. */
    private void deliver(long signalSeconds, double followed) {
        for (long s = 0; s < signalSeconds; s += 2) {
            scores.signal("o1", T0.plusSeconds(s), signalAt(s));
        }
        for (long s = 0; s < 3600; s += 5) {
            // the fleet reaches the request of the previous 2-s sample by the tick
            double r = signalAt(s - s % 2);
            scores.metered("o1", T0.plusSeconds(s), BASELINE_KW - followed * r * AWARDED_KW);
        }
    }

    @Test
    void scoreOfShouldBeNearOneWhenTheFleetFollowedTheSignal() {
        deliver(3600, 1.0);
        DeliveryScore score = scores.scoreOf(DELIVERED);
        assertThat(score.score()).isGreaterThan(0.95);
        assertThat(score.mileageRatio()).isPositive();
    }

    @Test
    void scoreOfShouldBeZeroWhenTheFleetHeldItsBaseline() {
        deliver(3600, 0.0);
        assertThat(scores.scoreOf(DELIVERED).score()).isZero();
    }

    @Test
    void scoreOfShouldBeZeroWhenTheSignalDidNotCoverTheHourOrNothingWasRecorded() {
        assertThat(scores.scoreOf(DELIVERED).score()).isZero();
        deliver(1800, 1.0);
        assertThat(new LiveDeliveryScores(ScoringConfig.ofDefaults()).scoreOf(DELIVERED).score()).isZero();
        assertThat(scores.scoreOf(DELIVERED).score()).as("a half-covered hour cannot be scored").isZero();
    }
}
