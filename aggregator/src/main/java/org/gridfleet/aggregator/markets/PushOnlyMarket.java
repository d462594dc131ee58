package org.gridfleet.aggregator.markets;

import org.gridfleet.market.MarketAdapter;
import org.gridfleet.market.MarketCalendar;
import org.gridfleet.market.Product;
import org.gridfleet.market.SampledSeries;
import org.gridfleet.market.replay.ReplayMarket;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The adapter for a market that reads Gridfleet's offers ({@code GET /api/v1/markets/offers}) and pushes its awards
 * ({@code POST /api/v1/markets/awards}) and its signal ({@code POST /api/v1/markets/signals} or a
 * {@link org.gridfleet.market.live.MarketSignalFeed}): a replay market with no recorded prices and no recorded
 * signal, so it checks each offer's product grid and gate and publishes nothing itself.
 */
public final class PushOnlyMarket {

    private PushOnlyMarket() {
    }

    /** A push-only market for several products, each on its calendar. */
    public static MarketAdapter of(Map<Product, MarketCalendar> calendars, Clock clock) {
        List<MarketAdapter> markets = new ArrayList<>();
        calendars.forEach((product, calendar) -> markets.add(of(product, calendar, clock)));
        return new MarketsByProduct(markets);
    }

    /** A push-only market for one product on its calendar (e.g. {@code HourlyCalendar.ofDefaults()} for PJM). */
    public static MarketAdapter of(Product product, MarketCalendar calendar, Clock clock) {
        return new ReplayMarket(product, calendar, List.of(), new SampledSeries(clock.instant(), product.signalStep(),
                new double[0]), clock);
    }
}
