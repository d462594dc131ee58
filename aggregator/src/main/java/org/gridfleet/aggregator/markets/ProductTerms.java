package org.gridfleet.aggregator.markets;

import org.gridfleet.market.Product;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.bidding.EnergyExcursion;
import org.gridfleet.market.bidding.OfferPricing;
import org.gridfleet.market.fcr.FcrDroop;

import java.util.Objects;

/**
 * How the desk trades one product.
 *
 * @param product the product (must be traded by the adapter)
 * @param excursion energy the product swings per kW of capability over one delivery period (sizes the P90 forecast
 *     and the declared baseline)
 * @param pricing offer price build-up: opportunity + degradation × throughput + margin, per kW·h
 * @param performancePricePerMw performance (mileage) offer price, currency/ΔMW, &ge; 0 (0 for FCR)
 * @param droop FCR droop for the dispatcher (ignored for regulation)
 */
public record ProductTerms(Product product, EnergyExcursion excursion, OfferPricing pricing,
                           double performancePricePerMw, FcrDroop droop) {

    public ProductTerms {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(excursion, "excursion");
        Objects.requireNonNull(pricing, "pricing");
        Objects.requireNonNull(droop, "droop");
        if (product.kind() == ProductKind.DEMAND_RESPONSE) {
            throw new IllegalArgumentException("product " + product.id()
                    + ": demand response arrives as limits (OpenADR), not as offers");
        }
        if (!(performancePricePerMw >= 0 && Double.isFinite(performancePricePerMw))) {
            throw new IllegalArgumentException("performancePricePerMw must be >= 0, but was " + performancePricePerMw);
        }
    }
}
