package org.gridfleet.aggregator.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gridfleet.aggregator.dispatch.GridServiceController;
import org.gridfleet.aggregator.http.RouteModule;
import org.gridfleet.aggregator.live.GridLink;
import org.gridfleet.aggregator.live.LivePlans;
import org.gridfleet.aggregator.markets.MarketDeskConfig;
import org.gridfleet.aggregator.markets.MarketsModule;
import org.gridfleet.aggregator.markets.ProductTerms;
import org.gridfleet.aggregator.markets.PushOnlyMarket;
import org.gridfleet.aggregator.openadr.OpenAdrConfig;
import org.gridfleet.aggregator.openadr.OpenAdrModule;
import org.gridfleet.aggregator.openadr.grid.FlexibilitySource;
import org.gridfleet.market.HourlyCalendar;
import org.gridfleet.market.Product;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.bidding.OfferPricing;
import org.gridfleet.market.fcr.FcrDroop;

/**
 * The grid-facing modules of {@code gridfleet serve}, wired to the live control loop through one {@link GridLink}:
 * the OpenADR 3 VTN at {@code /openadr3} (with client registration at {@code /api/v1/openadr/clients}) and the
 * market desk at {@value MarketsModule#MOUNT_POINT} over a push-only PJM RegD market (the operator reads the offers
 * and pushes awards and the signal), settled with the live loop's delivery scores.
 *
 * @param openAdr the OpenADR module (reports, restored events)
 * @param markets the markets module (its desk)
 */
public record GridFaces(OpenAdrModule openAdr, MarketsModule markets) {

    /** PJM RegD: hourly periods, 2-s signal, offers from 0.1 MW (PJM Manual 11), symmetric. */
    static final Product PJM_REGD = new Product("pjm-regd", ProductKind.REGULATION, Duration.ofHours(1),
            Duration.ofSeconds(2), 100, 1_000_000, true);
    /**
     * Offer price per kW·h: 0.005 opportunity + 0.02 degradation per kWh × 0.5 kWh throughput + 0.002 margin
     * = 0.017 (17 per MW·h, below the July 2022 mean RMCCP of 51.95, MARKET-RULES.md §1.2); performance 0.5 per ΔMW.
     */
    static final OfferPricing REGD_PRICING = new OfferPricing(0.005, 0.02, 0.5, 0.002);
    static final double REGD_PERFORMANCE_PRICE_PER_MW = 0.5;

    /** Loads the OpenADR contract and builds both modules over {@code link}; mount {@link #routeModules()}. */
    public static Future<GridFaces> load(Vertx vertx, Clock clock, OpenAdrConfig openAdr, GridLink link,
                                         FlexibilitySource flexibility) {
        MarketsModule markets = new MarketsModule(PushOnlyMarket.of(PJM_REGD, HourlyCalendar.ofDefaults(), clock),
                MarketDeskConfig.ofDefaults(List.of(new ProductTerms(PJM_REGD, GridServiceController.REGULATION_HOUR,
                        REGD_PRICING, REGD_PERFORMANCE_PRICE_PER_MW, FcrDroop.ofDefaults()))),
                new LivePlans(link.ticks()), link.deliveries(), link.markets());
        return OpenAdrModule.load(vertx, openAdr, link.openAdr(), flexibility)
                .map(module -> new GridFaces(module, markets));
    }

    /** The HTTP modules to mount next to the core API. */
    public List<RouteModule> routeModules() {
        List<RouteModule> all = new ArrayList<>(openAdr.routeModules());
        all.add(markets);
        return all;
    }

    /** Stops the market desk's timer and worker. */
    public Future<Void> stop() {
        return markets.stop();
    }
}
