package org.gridfleet.market.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.gridfleet.market.Award;
import org.gridfleet.market.Baseline;
import org.gridfleet.market.Obligation;
import org.gridfleet.market.ObligationState;
import org.gridfleet.market.Offer;
import org.gridfleet.market.TestProducts;
import org.gridfleet.market.fcr.FcrSettlement;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.SampledSeries;
import org.gridfleet.market.Settlement;
import org.junit.jupiter.api.Test;

/** Mileage (MARKET-RULES.md §1.4) and the Manual 28 credits with the worked example of §1.4. */
class MileageAndSettlementTest {

    private static final Instant T0 = Instant.parse("2022-07-01T04:00:00Z");
    private final RegulationSettlement settlement = new RegulationSettlement(ScoringConfig.ofDefaults());

    @Test
    void mileageShouldSumAbsoluteStepsWhenBuiltByHand() {
        // GIVEN 0, 0.5, -0.5, -0.5, 1 at 2 s
        SampledSeries s = SampledSeries.of(T0, Duration.ofSeconds(2), 0, 0.5, -0.5, -0.5, 1);
        // WHEN the mileage of the whole series is taken
        double m = Mileage.of(s, DeliveryPeriod.of(T0, Duration.ofSeconds(10)));
        // THEN it is 0.5 + 1 + 0 + 1.5
        assertThat(m).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void mileageShouldMatchReferenceWhenRealRegDHoursAreMeasured() {
        // GIVEN the real RegD day of 22 July 2020
        SampledSeries regd = RegDFixtures.regd20200722();
        // WHEN hours 00 and 12 are measured
        double h00 = Mileage.of(regd, DeliveryPeriod.of(RegDFixtures.DAY_START, Duration.ofHours(1)));
        double h12 = Mileage.of(regd, DeliveryPeriod.of(RegDFixtures.DAY_START.plus(Duration.ofHours(12)),
                Duration.ofHours(1)));
        // THEN they match MARKET-RULES.md §1.3 (h00 = 16.42, h12 = 30.41)
        assertThat(h00).isCloseTo(16.42, within(0.01));
        assertThat(h12).isCloseTo(30.41, within(0.05));
    }

    @Test
    void creditsShouldMatchWorkedExampleWhenOneMegawattScoresPointNineFive() {
        // GIVEN 1 MW RegD for hour 2022-07-01 00:00 EPT at RMCCP 20.96 and RMPCP 1.26
        Award award = new Award("o1", DeliveryPeriod.of(T0, Duration.ofHours(1)), 1000, 20.96, 1.26);
        // WHEN settled with score 0.95 and mileage ratio 5
        Settlement s = settlement.credits(award, 0.95, 5);
        // THEN capability 19.91 and performance 5.99 (MARKET-RULES.md §1.4 worked example)
        assertThat(s.capabilityCredit()).isCloseTo(19.912, within(1e-9));
        assertThat(s.performanceCredit()).isCloseTo(5.985, within(1e-9));
        assertThat(s.total()).isCloseTo(25.897, within(1e-9));
    }

    @Test
    void creditsShouldBeZeroWhenScoreIsBelowMinimum() {
        // GIVEN an award of 500 kW for an hour
        Award award = new Award("o1", DeliveryPeriod.of(T0, Duration.ofHours(1)), 500, 50, 2);
        // WHEN the hour scored 0.24 (< 0.25) and another 0.25
        Settlement below = settlement.credits(award, 0.24, 3);
        Settlement at = settlement.credits(award, 0.25, 3);
        // THEN only the second earns credit: 0.5 MWh × 0.25 × 50 and × 3 × 2
        assertThat(below.total()).isZero();
        assertThat(at.capabilityCredit()).isCloseTo(6.25, within(1e-12));
        assertThat(at.performanceCredit()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void settleShouldCloseObligationAsSettledOrFailedByScore() {
        // GIVEN a delivering 1 MW obligation for one hour
        DeliveryPeriod hour = DeliveryPeriod.of(T0, Duration.ofHours(1));
        Obligation delivering = Obligation.offered(new Offer("o1", TestProducts.REGD, hour, 1000, 10, 1),
                        T0.minusSeconds(7200))
                .award(new Award("o1", hour, 1000, 20.96, 1.26), T0.minusSeconds(3600))
                .declareBaseline(Baseline.flat(hour, 300)).startDelivery(T0);
        Instant end = hour.end();
        // WHEN settled with a good and with a poor score
        Obligation good = settlement.settle(delivering, 0.95, 5, end);
        Obligation poor = settlement.settle(delivering, 0.2, 5, end);
        // THEN the good hour is SETTLED with the Manual 28 credits, the poor one FAILED with the reason
        assertThat(good.state()).isEqualTo(ObligationState.SETTLED);
        assertThat(good.settlement().total()).isCloseTo(25.897, within(1e-9));
        assertThat(poor.state()).isEqualTo(ObligationState.FAILED);
        assertThat(poor.reason()).contains("below the minimum credit score 0.25");
    }

    @Test
    void fcrCreditsShouldPayCapacityForTheBlockWhenAwarded() {
        Award award = new Award("f1", DeliveryPeriod.of(T0, Duration.ofHours(4)), 2500, 12, 0);
        Settlement s = FcrSettlement.credits(award);
        assertThat(s.capabilityCredit()).isCloseTo(2.5 * 4 * 12, within(1e-9));
        assertThat(s.performanceCredit()).isZero();
    }

    @Test
    void creditsShouldRejectScoreWhenAboveOne() {
        Award award = new Award("o1", DeliveryPeriod.of(T0, Duration.ofHours(1)), 500, 50, 2);
        assertThatThrownBy(() -> settlement.credits(award, 1.2, 1)).hasMessageContaining("score");
    }
}
