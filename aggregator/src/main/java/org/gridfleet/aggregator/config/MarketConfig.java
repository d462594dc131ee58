package org.gridfleet.aggregator.config;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the market desk of {@code gridfleet serve} offers and at what price. The offer price per kW of capability
 * per hour is {@code opportunityPerKwh + degradationPerKwh × throughputKwhPerKw + marginPerKwh}.
 *
 * @param products             products offered, at least one, no repeats: {@value #PJM_REGD} (hourly, 2-s signal)
 *                             and/or {@value #FCR} (4-hour blocks, frequency in Hz as the signal)
 * @param opportunityPerKwh    value forgone per kW held back for an hour, currency/(kW·h), 0..100
 * @param degradationPerKwh    battery wear price per kWh of throughput, currency/kWh, 0..100
 * @param throughputKwhPerKw   energy moved per kW of capability per hour (mean |signal|), kWh/(kW·h), 0..1
 * @param marginPerKwh         margin on top, currency/(kW·h), 0..100
 * @param performancePricePerMw regulation performance (mileage) price, currency/ΔMW, 0..10000 (FCR has none)
 * @param minOfferKw           smallest capability the desk offers, kW, &ge; 0; a market's own minimum (PJM 100 kW,
 *                             FCR 1000 kW) still applies on top
 * @param maxOfferKw           largest capability the desk offers, kW, &gt; minOfferKw and &ge; each offered
 *                             market's minimum
 * @param fcrFullActivationMhz FCR droop: frequency deviation of full activation, mHz, 1..1000
 * @param fcrDeadbandMhz       FCR droop: half-width of the band without activation, mHz, 0..&lt; full activation
 */
public record MarketConfig(List<String> products, double opportunityPerKwh, double degradationPerKwh,
                           double throughputKwhPerKw, double marginPerKwh, double performancePricePerMw,
                           double minOfferKw, double maxOfferKw, double fcrFullActivationMhz, double fcrDeadbandMhz) {

    public static final String PJM_REGD = "pjm-regd";
    public static final String FCR = "fcr";
    /** PJM Manual 11: regulation offers from 0.1 MW. */
    public static final double PJM_MIN_OFFER_KW = 100;
    /** FCR Cooperation minimum bid, 1 MW (MARKET-RULES.md §3.1). */
    public static final double FCR_MIN_OFFER_KW = 1000;
    public static final List<String> DEFAULT_PRODUCTS = List.of(PJM_REGD);
    private static final Set<String> KNOWN_PRODUCTS = Set.of(PJM_REGD, FCR);
    /*
     * Default price: 0.005 opportunity + 0.02 degradation per kWh × 0.5 kWh throughput + 0.002 margin = 0.017 per
     * kW·h (17 per MW·h, below the July 2022 mean RMCCP of 51.95, MARKET-RULES.md §1.2); performance 0.5 per ΔMW.
     */
    public static final double DEFAULT_OPPORTUNITY_PER_KWH = 0.005;
    public static final double DEFAULT_DEGRADATION_PER_KWH = 0.02;
    public static final double DEFAULT_THROUGHPUT_KWH_PER_KW = 0.5;
    public static final double DEFAULT_MARGIN_PER_KWH = 0.002;
    public static final double DEFAULT_PERFORMANCE_PRICE_PER_MW = 0.5;
    public static final double DEFAULT_MIN_OFFER_KW = PJM_MIN_OFFER_KW;
    public static final double DEFAULT_MAX_OFFER_KW = 1_000_000;
    /** Continental Europe FCR: full activation at ±200 mHz, no intentional deadband (MARKET-RULES.md §3.1). */
    public static final double DEFAULT_FCR_FULL_ACTIVATION_MHZ = 200;
    public static final double DEFAULT_FCR_DEADBAND_MHZ = 0;
    public static final MarketConfig DEFAULT = new MarketConfig(DEFAULT_PRODUCTS, DEFAULT_OPPORTUNITY_PER_KWH,
            DEFAULT_DEGRADATION_PER_KWH, DEFAULT_THROUGHPUT_KWH_PER_KW, DEFAULT_MARGIN_PER_KWH,
            DEFAULT_PERFORMANCE_PRICE_PER_MW, DEFAULT_MIN_OFFER_KW, DEFAULT_MAX_OFFER_KW,
            DEFAULT_FCR_FULL_ACTIVATION_MHZ, DEFAULT_FCR_DEADBAND_MHZ);

    public MarketConfig {
        products = List.copyOf(Objects.requireNonNull(products, "products"));
        if (products.isEmpty()) {
            throw new ConfigException("markets.products", "", "must name at least one of pjm-regd, fcr");
        }
        for (String p : products) {
            if (!KNOWN_PRODUCTS.contains(p)) {
                throw new ConfigException("markets.products", String.join(",", products),
                        "names unknown product '" + p + "' (known: pjm-regd, fcr)");
            }
        }
        if (Set.copyOf(products).size() != products.size()) {
            throw new ConfigException("markets.products", String.join(",", products), "lists a product twice");
        }
        requireRange("markets.offer.opportunityPerKwh", opportunityPerKwh, 0, 100);
        requireRange("markets.offer.degradationPerKwh", degradationPerKwh, 0, 100);
        requireRange("markets.offer.throughputKwhPerKw", throughputKwhPerKw, 0, 1);
        requireRange("markets.offer.marginPerKwh", marginPerKwh, 0, 100);
        requireRange("markets.performancePricePerMw", performancePricePerMw, 0, 10_000);
        requireRange("markets.minOfferKw", minOfferKw, 0, 1_000_000);
        if (!(maxOfferKw > minOfferKw && maxOfferKw <= 10_000_000)) {
            throw new ConfigException("markets.maxOfferKw", String.valueOf(maxOfferKw),
                    "must be above markets.minOfferKw " + minOfferKw + " and at most 10000000");
        }
        double marketMinKw = products.contains(FCR) ? FCR_MIN_OFFER_KW : PJM_MIN_OFFER_KW;
        if (maxOfferKw < marketMinKw) {
            throw new ConfigException("markets.maxOfferKw", String.valueOf(maxOfferKw),
                    "must be >= " + marketMinKw + ", the smallest offer " + String.join(", ", products) + " takes");
        }
        requireRange("markets.fcr.fullActivationMhz", fcrFullActivationMhz, 1, 1000);
        if (!(fcrDeadbandMhz >= 0 && fcrDeadbandMhz < fcrFullActivationMhz)) {
            throw new ConfigException("markets.fcr.deadbandMhz", String.valueOf(fcrDeadbandMhz),
                    "must be >= 0 and below markets.fcr.fullActivationMhz " + fcrFullActivationMhz);
        }
    }

    private static void requireRange(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ConfigException(key, String.valueOf(value), "must be in " + min + ".." + max);
        }
    }
}
