package org.gridfleet.market.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.SampledSeries;
import org.junit.jupiter.api.Test;

/** Offer price from costs and P90 capacity. */
class BiddingTest {

    @Test
    void capabilityPriceShouldAddCostsAndMarginWhenGiven() {
        // GIVEN 0.01/kW·h opportunity, 0.05/kWh wear, 0.5 kWh throughput per kW·h, 0.002 margin
        OfferPricing p = new OfferPricing(0.01, 0.05, 0.5, 0.002);
        // THEN 0.01 + 0.025 + 0.002 = 0.037 per kW·h = 37 per MW·h
        assertThat(p.pricePerKwH()).isCloseTo(0.037, within(1e-12));
        assertThat(p.capabilityPricePerMwh()).isCloseTo(37, within(1e-9));
    }

    @Test
    void throughputShouldBeMeanAbsoluteSignalWhenGivenSamples() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        SampledSeries s = SampledSeries.of(t0, Duration.ofSeconds(2), 1, -0.5, Double.NaN, 0, 0.3);
        assertThat(OfferPricing.throughputOf(s, DeliveryPeriod.of(t0, Duration.ofSeconds(8))))
                .isCloseTo(0.5, within(1e-12));
    }

    @Test
    void fromSamplesShouldKeepNinetyPercentAboveWhenTenSamples() {
        // GIVEN ten equally likely availabilities 10..100 kW
        double[] kw = {100, 10, 90, 20, 80, 30, 70, 40, 60, 50};
        // THEN P90 is 20 kW: 9 of 10 samples are at or above it, 8 of 10 at or above 30
        assertThat(ReliableCapacity.fromSamples(kw, ReliableCapacity.P90)).isEqualTo(20);
        assertThat(ReliableCapacity.fromSamples(kw, 1.0)).isEqualTo(10);
        assertThat(ReliableCapacity.fromSamples(kw, 0.5)).isEqualTo(60);
    }

    @Test
    void fromScenariosShouldUseEachScenarioMinimumWhenJoint() {
        // GIVEN ten scenarios whose minimum over the hour's steps is 10..100 kW
        double[][] scenarios = new double[10][];
        for (int s = 0; s < 10; s++) {
            scenarios[s] = new double[] {500, 10.0 * (s + 1), 300};
        }
        assertThat(ReliableCapacity.fromScenarios(scenarios, ReliableCapacity.P90)).isEqualTo(20);
    }

    @Test
    void fromSamplesShouldRejectInputWhenImpossible() {
        assertThatThrownBy(() -> ReliableCapacity.fromSamples(new double[0], 0.9)).hasMessageContaining("availableKw");
        assertThatThrownBy(() -> ReliableCapacity.fromSamples(new double[] {1, -2}, 0.9))
                .hasMessageContaining("availableKw[1] must be >= 0");
        assertThatThrownBy(() -> ReliableCapacity.fromSamples(new double[] {1}, 0))
                .hasMessageContaining("probability");
    }
}
