package org.gridfleet.aggregator.markets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridfleet.aggregator.markets.DeskFixtures.GATE;
import static org.gridfleet.aggregator.markets.DeskFixtures.HOUR;
import static org.gridfleet.aggregator.markets.DeskFixtures.REGD;

import org.gridfleet.aggregator.dispatch.SettableClock;
import org.gridfleet.market.HourlyCalendar;
import org.gridfleet.market.MarketAdapter;
import org.gridfleet.market.MarketCalendar;
import org.gridfleet.market.Offer;
import org.gridfleet.market.Product;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.fcr.FcrCalendar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class MarketsByProductTest {

    private static final Product FCR = new Product("fcr", ProductKind.FREQUENCY_CONTAINMENT, Duration.ofHours(4),
            Duration.ofSeconds(1), 1000, 1_000_000, true);
    private final SettableClock clock = new SettableClock(GATE.minus(Duration.ofMinutes(10)));

    private MarketAdapter both() {
        Map<Product, MarketCalendar> calendars = new LinkedHashMap<>();
        calendars.put(REGD, HourlyCalendar.ofDefaults());
        calendars.put(FCR, FcrCalendar.ofDefaults());
        return PushOnlyMarket.of(calendars, clock);
    }

    @Test
    void pushOnlyMarketShouldRouteEachProductToItsOwnCalendarWhenSeveralAreTraded() {
        MarketAdapter market = both();
        assertThat(market.products()).containsExactly(REGD, FCR);
        assertThat(market.nextGateClosure(REGD, clock.instant()).period()).isEqualTo(HOUR);
        assertThat(market.nextGateClosure(FCR, clock.instant()))
                .isEqualTo(FcrCalendar.ofDefaults().nextGateClosure(clock.instant()));
        assertThat(market.submit(new Offer("r1", REGD, HOUR, 200, 17, 0.5)).offerId()).isEqualTo("r1");
        assertThat(market.awards(HOUR)).isEmpty();
    }

    @Test
    void pushOnlyMarketShouldRefuseAnOfferOfAProductItDoesNotTrade() {
        Product rega = new Product("pjm-rega", ProductKind.REGULATION, Duration.ofHours(1), Duration.ofSeconds(2),
                100, 1_000_000, true);
        assertThatThrownBy(() -> both().submit(new Offer("a1", rega, HOUR, 200, 17, 0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pjm-rega is not traded here");
    }

    @Test
    void marketsByProductShouldRejectTwoMarketsTradingTheSameProduct() {
        MarketAdapter one = PushOnlyMarket.of(REGD, HourlyCalendar.ofDefaults(), clock);
        assertThatThrownBy(() -> new MarketsByProduct(List.of(one, one)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("traded by two markets");
    }
}
