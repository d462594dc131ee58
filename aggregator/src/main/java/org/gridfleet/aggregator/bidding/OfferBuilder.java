package org.gridfleet.aggregator.bidding;

import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.Offer;
import org.gridfleet.market.Product;
import org.gridfleet.market.bidding.OfferPricing;

import java.util.Optional;

/**
 * Turns a block's reliable (P90) capability into an offer: only whole kW of the P90 figure are offered, capped at the
 * product's largest offer; below the product's smallest offer nothing is offered. The capability price is
 * opportunity cost + degradation cost of the expected throughput + margin (market-adapters {@link OfferPricing}).
 */
public final class OfferBuilder {

    private OfferBuilder() {
    }

    /**
     * @param offerId the id to submit under
     * @param product the product
     * @param forecast the block's forecast (its period and P90 capability)
     * @param pricing the price build-up, currency per kW·h
     * @param performancePricePerMw performance (mileage) price, currency/ΔMW, &ge; 0 (0 where the market has none)
     * @return the offer, or empty when the P90 capability is below the product's minimum
     */
    public static Optional<Offer> offer(String offerId, Product product, FlexibilityForecast.BlockForecast forecast,
                                        OfferPricing pricing, double performancePricePerMw) {
        double kw = Math.min(Math.floor(forecast.reliableKw()), product.maxOfferKw());
        if (kw < product.minOfferKw() || kw <= 0) {
            return Optional.empty();
        }
        DeliveryPeriod period = forecast.period();
        return Optional.of(new Offer(offerId, product, period, kw, pricing.capabilityPricePerMwh(),
                performancePricePerMw));
    }
}
