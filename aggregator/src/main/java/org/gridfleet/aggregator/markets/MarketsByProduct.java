package org.gridfleet.aggregator.markets;

import org.gridfleet.market.Award;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.MarketAdapter;
import org.gridfleet.market.Obligation;
import org.gridfleet.market.Offer;
import org.gridfleet.market.Product;
import org.gridfleet.market.SampledSeries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several single-product adapters as one, so one desk trades e.g. RegD on an hourly calendar and FCR on 4-hour
 * blocks: calls for a product go to the adapter that trades it, awards are gathered from all.
 */
final class MarketsByProduct implements MarketAdapter {

    private final Map<String, MarketAdapter> byProduct = new LinkedHashMap<>();
    private final List<Product> products = new ArrayList<>();

    /** @throws IllegalArgumentException if two adapters trade the same product id */
    MarketsByProduct(List<MarketAdapter> markets) {
        for (MarketAdapter m : markets) {
            for (Product p : m.products()) {
                if (byProduct.putIfAbsent(p.id(), m) != null) {
                    throw new IllegalArgumentException("product " + p.id() + " is traded by two markets");
                }
                products.add(p);
            }
        }
    }

    @Override
    public List<Product> products() {
        return List.copyOf(products);
    }

    @Override
    public GateClosure nextGateClosure(Product product, Instant after) {
        return marketOf(product).nextGateClosure(product, after);
    }

    @Override
    public Obligation submit(Offer offer) {
        return marketOf(offer.product()).submit(offer);
    }

    @Override
    public List<Award> awards(DeliveryPeriod window) {
        List<Award> all = new ArrayList<>();
        for (MarketAdapter m : byProduct.values().stream().distinct().toList()) {
            all.addAll(m.awards(window));
        }
        return all;
    }

    @Override
    public SampledSeries signals(Product product, DeliveryPeriod window) {
        return marketOf(product).signals(product, window);
    }

    private MarketAdapter marketOf(Product product) {
        MarketAdapter m = byProduct.get(product.id());
        if (m == null) {
            throw new IllegalArgumentException("product " + product.id() + " is not traded here");
        }
        return m;
    }
}
