package org.gridfleet.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The obligation lifecycle: offered → awarded → delivering → settled, with rejected and failed. */
class ObligationTest {

    private static final Instant HOUR = Instant.parse("2026-01-15T22:00:00Z");
    private static final DeliveryPeriod PERIOD = DeliveryPeriod.of(HOUR, Duration.ofHours(1));
    private static final Offer OFFER = new Offer("o-1", TestProducts.REGD, PERIOD, 400, 30, 2);
    private static final Award AWARD = new Award("o-1", PERIOD, 300, 20.96, 1.26);
    private static final Baseline BASELINE = Baseline.flat(PERIOD, 250);

    @Test
    void obligationShouldWalkTheHappyPathWhenEveryStepIsLegal() {
        // GIVEN an offer submitted an hour before delivery
        Obligation offered = Obligation.offered(OFFER, HOUR.minus(Duration.ofHours(1)));
        // WHEN it is awarded, gets a baseline, delivers and settles
        Obligation awarded = offered.award(AWARD, HOUR.minusSeconds(1800));
        Obligation withBaseline = awarded.declareBaseline(BASELINE);
        Obligation delivering = withBaseline.startDelivery(HOUR);
        Obligation settled = delivering.settle(new Settlement(0.9, 5, 1), HOUR.plus(Duration.ofHours(1)));
        // THEN each snapshot carries its state and the earlier snapshots are unchanged
        assertThat(offered.state()).isEqualTo(ObligationState.OFFERED);
        assertThat(awarded.state()).isEqualTo(ObligationState.AWARDED);
        assertThat(awarded.awardedKw()).isEqualTo(300);
        assertThat(delivering.state()).isEqualTo(ObligationState.DELIVERING);
        assertThat(delivering.baseline().kwAt(HOUR.plusSeconds(10))).isEqualTo(250);
        assertThat(settled.state()).isEqualTo(ObligationState.SETTLED);
        assertThat(settled.settlement().total()).isEqualTo(6);
        assertThat(settled.state().terminal()).isTrue();
    }

    @Test
    void awardShouldRejectWhenMarketClearsZero() {
        // GIVEN an offer WHEN the market clears 0 kW
        Obligation o = Obligation.offered(OFFER, HOUR.minusSeconds(3600))
                .award(new Award("o-1", PERIOD, 0, 0, 0), HOUR.minusSeconds(1800));
        // THEN the obligation is rejected
        assertThat(o.state()).isEqualTo(ObligationState.REJECTED);
        assertThat(o.reason()).contains("0 kW");
    }

    @Test
    void startDeliveryShouldThrowWhenStillOffered() {
        Obligation offered = Obligation.offered(OFFER, HOUR.minusSeconds(3600)).declareBaseline(BASELINE);
        assertThatThrownBy(() -> offered.startDelivery(HOUR))
                .isInstanceOf(IllegalObligationTransitionException.class)
                .hasMessageContaining("cannot go from OFFERED to DELIVERING");
    }

    @Test
    void startDeliveryShouldThrowWhenNoBaselineWasDeclared() {
        Obligation awarded = Obligation.offered(OFFER, HOUR.minusSeconds(3600)).award(AWARD, HOUR.minusSeconds(60));
        assertThatThrownBy(() -> awarded.startDelivery(HOUR))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("baseline");
    }

    @Test
    void declareBaselineShouldThrowWhenDeliveryHasStarted() {
        Obligation delivering = Obligation.offered(OFFER, HOUR.minusSeconds(3600)).award(AWARD, HOUR.minusSeconds(60))
                .declareBaseline(BASELINE).startDelivery(HOUR);
        assertThatThrownBy(() -> delivering.declareBaseline(Baseline.flat(PERIOD, 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before delivery");
    }

    @Test
    void declareBaselineShouldThrowWhenItDoesNotCoverThePeriod() {
        Baseline half = new Baseline(HOUR, Duration.ofMinutes(30), new double[] {100});
        Obligation offered = Obligation.offered(OFFER, HOUR.minusSeconds(3600));
        assertThatThrownBy(() -> offered.declareBaseline(half)).hasMessageContaining("does not cover");
    }

    @Test
    void settleShouldThrowWhenPeriodHasNotEnded() {
        Obligation delivering = Obligation.offered(OFFER, HOUR.minusSeconds(3600)).award(AWARD, HOUR.minusSeconds(60))
                .declareBaseline(BASELINE).startDelivery(HOUR);
        assertThatThrownBy(() -> delivering.settle(new Settlement(1, 1, 1), HOUR.plusSeconds(600)))
                .hasMessageContaining("before its period ends");
    }

    @Test
    void failShouldEndDeliveryWhenScoreEarnsNothing() {
        Obligation delivering = Obligation.offered(OFFER, HOUR.minusSeconds(3600)).award(AWARD, HOUR.minusSeconds(60))
                .declareBaseline(BASELINE).startDelivery(HOUR);
        Obligation failed = delivering.fail("hourly score 0.12 < 0.25", HOUR.plus(Duration.ofHours(1)));
        assertThat(failed.state()).isEqualTo(ObligationState.FAILED);
        assertThatThrownBy(() -> failed.settle(new Settlement(0.12, 0, 0), HOUR.plus(Duration.ofHours(1))))
                .isInstanceOf(IllegalObligationTransitionException.class);
    }

    @Test
    void awardShouldThrowWhenItExceedsTheOffer() {
        Obligation offered = Obligation.offered(OFFER, HOUR.minusSeconds(3600));
        assertThatThrownBy(() -> offered.award(new Award("o-1", PERIOD, 401, 1, 1), HOUR))
                .hasMessageContaining("awardedKw must be <= offered 400.0");
        assertThatThrownBy(() -> offered.award(new Award("o-2", PERIOD, 100, 1, 1), HOUR))
                .hasMessageContaining("award is for offer o-2");
    }

    @Test
    void offerShouldRejectCapabilityWhenBelowProductMinimum() {
        assertThatThrownBy(() -> new Offer("o", TestProducts.REGD, PERIOD, 50, 1, 1))
                .hasMessageContaining("capabilityKw must be in [100.0");
        assertThatThrownBy(() -> new Offer("o", TestProducts.REGD, DeliveryPeriod.of(HOUR, Duration.ofMinutes(30)),
                200, 1, 1)).hasMessageContaining("period must last PT1H");
    }
}
