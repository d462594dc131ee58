package org.gridfleet.aggregator.markets;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridfleet.aggregator.markets.DeskFixtures.PRICING;
import static org.gridfleet.aggregator.markets.DeskFixtures.REGD;

import org.gridfleet.aggregator.dispatch.GridServiceController;
import org.gridfleet.market.Product;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.fcr.FcrDroop;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

class MarketDeskConfigTest {

    private static ProductTerms terms(Product p) {
        return new ProductTerms(p, GridServiceController.REGULATION_HOUR, PRICING, 0.5, FcrDroop.ofDefaults());
    }

    @Test
    void configShouldRejectAProductListedTwiceNamingIt() {
        assertThatThrownBy(() -> MarketDeskConfig.ofDefaults(List.of(terms(REGD), terms(REGD))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pjm-regd is listed twice");
    }

    @Test
    void configShouldRejectAnEnvelopeIntervalThatDoesNotDivideAProductPeriod() {
        MarketDeskConfig d = MarketDeskConfig.ofDefaults(List.of(terms(REGD)));
        assertThatThrownBy(() -> new MarketDeskConfig(d.products(), d.tick(), d.bidLead(), Duration.ofMinutes(7),
                d.departureRisk(), d.scoring(), d.signalFutureTolerance()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("envelopeInterval");
    }

    @Test
    void termsShouldRejectADemandResponseProductWhenItCannotBeOffered() {
        Product dr = new Product("dr", ProductKind.DEMAND_RESPONSE, Duration.ofHours(1), Duration.ofSeconds(1), 0,
                1000, false);
        assertThatThrownBy(() -> terms(dr)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("demand response");
    }

    @Test
    void departureRiskShouldRejectAProbabilityOutsideZeroToOneNamingTheField() {
        assertThatThrownBy(() -> new DepartureRisk(100, 0.1, Duration.ofHours(1), 1.5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absentProbability");
    }
}
