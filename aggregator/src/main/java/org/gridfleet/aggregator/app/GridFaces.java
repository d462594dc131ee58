package org.gridfleet.aggregator.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.aggregator.config.MarketConfig;
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
import org.gridfleet.market.MarketCalendar;
import org.gridfleet.market.Product;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.bidding.EnergyExcursion;
import org.gridfleet.market.bidding.OfferPricing;
import org.gridfleet.market.fcr.FcrCalendar;
import org.gridfleet.market.fcr.FcrDroop;

/**
 * The grid-facing modules of {@code gridfleet serve}, wired to the live control loop through one {@link GridLink}:
 * the OpenADR 3 VTN at {@code /openadr3} (with client registration at {@code /api/v1/openadr/clients}) and the
 * market desk at {@value MarketsModule#MOUNT_POINT} over a push-only market (the operator reads the offers and pushes
 * awards and the signal) for the products {@link MarketConfig} names, PJM RegD by default, settled with the live
 * loop's delivery scores.
 *
 * @param openAdr the OpenADR module (reports, restored events)
 * @param markets the markets module (its desk)
 */
public record GridFaces(OpenAdrModule openAdr, MarketsModule markets) {

    /** PJM RegD: hourly periods, 2-s signal, offers from 0.1 MW (PJM Manual 11), symmetric. */
    private static final Product PJM_REGD = new Product(MarketConfig.PJM_REGD, ProductKind.REGULATION,
            Duration.ofHours(1), Duration.ofSeconds(2), MarketConfig.PJM_MIN_OFFER_KW, 1_000_000, true);
    /** Continental Europe FCR: symmetric 4-hour blocks, 1 MW minimum bid (MARKET-RULES.md §3.1), 1-s frequency. */
    private static final Product FCR = new Product(MarketConfig.FCR, ProductKind.FREQUENCY_CONTAINMENT,
            Duration.ofHours(4), Duration.ofSeconds(1), MarketConfig.FCR_MIN_OFFER_KW, 1_000_000, true);
    /** FCR: 0.24 MWh/MW worst one-sided excursion in a 4-h block on the RTE days (MARKET-RULES.md §3.1). */
    static final EnergyExcursion FCR_BLOCK = new EnergyExcursion(0.24, 0.24, 0);

    /**
     * Loads the OpenADR contract and builds both modules over {@code link}, the desk trading what {@code config}
     * names at its prices; mount {@link #routeModules()}.
     */
    public static Future<GridFaces> load(Vertx vertx, Clock clock, OpenAdrConfig openAdr, MarketConfig config,
                                         GridLink link, FlexibilitySource flexibility) {
        Map<Product, MarketCalendar> calendars = new LinkedHashMap<>();
        List<ProductTerms> terms = new ArrayList<>();
        OfferPricing pricing = new OfferPricing(config.opportunityPerKwh(), config.degradationPerKwh(),
                config.throughputKwhPerKw(), config.marginPerKwh());
        FcrDroop droop = new FcrDroop(FcrDroop.DEFAULT_NOMINAL_HZ, config.fcrFullActivationMhz() / 1000,
                config.fcrDeadbandMhz() / 1000);
        for (String id : config.products()) {
            boolean regd = id.equals(MarketConfig.PJM_REGD);
            Product product = withOfferBounds(regd ? PJM_REGD : FCR, config);
            calendars.put(product, regd ? HourlyCalendar.ofDefaults() : FcrCalendar.ofDefaults());
            terms.add(regd
                    ? new ProductTerms(product, GridServiceController.REGULATION_HOUR, pricing,
                            config.performancePricePerMw(), droop)
                    : new ProductTerms(product, FCR_BLOCK, pricing, 0, droop));
        }
        MarketsModule markets = new MarketsModule(PushOnlyMarket.of(calendars, clock),
                MarketDeskConfig.ofDefaults(terms), new LivePlans(link.ticks()), link.deliveries(), link.markets());
        return OpenAdrModule.load(vertx, openAdr, link.openAdr(), flexibility)
                .map(module -> new GridFaces(module, markets));
    }

    /** The market's product within the desk's own offer bounds (the market's minimum still holds). */
    static Product withOfferBounds(Product p, MarketConfig config) {
        double minKw = Math.max(p.minOfferKw(), config.minOfferKw());
        return new Product(p.id(), p.kind(), p.period(), p.signalStep(), minKw, config.maxOfferKw(), p.symmetric());
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
