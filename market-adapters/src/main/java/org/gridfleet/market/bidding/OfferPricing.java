package org.gridfleet.market.bidding;

import org.gridfleet.market.Checks;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.SampledSeries;

/**
 * Capability offer price from costs: {@code price per kW·h = opportunity cost + degradation cost + margin}, where
 * the degradation cost of one kW of capability for one hour is the battery throughput it causes times the wear
 * price of a kWh. Returned in the market's unit, currency per MW of capability per hour.
 *
 * @param opportunityCostPerKwH value forgone per kW of capability held back for one hour (e.g. cheaper charging
 *     not done), currency/(kW·h), &ge; 0
 * @param degradationCostPerKwh battery wear price of one kWh of throughput, currency/kWh, &ge; 0
 * @param throughputKwhPerKwH expected energy throughput per kW of capability per hour, kWh/(kW·h), &ge; 0;
 *     for a regulation signal the mean of |r| ({@link #throughputOf})
 * @param marginPerKwH margin on top, currency/(kW·h), &ge; 0
 */
public record OfferPricing(double opportunityCostPerKwH, double degradationCostPerKwh, double throughputKwhPerKwH,
                           double marginPerKwH) {

    /** @throws IllegalArgumentException naming the field if a value is negative or not finite */
    public OfferPricing {
        Checks.requireNonNegative("opportunityCostPerKwH", opportunityCostPerKwH);
        Checks.requireNonNegative("degradationCostPerKwh", degradationCostPerKwh);
        Checks.requireNonNegative("throughputKwhPerKwH", throughputKwhPerKwH);
        Checks.requireNonNegative("marginPerKwH", marginPerKwH);
    }

    /** Offer price per kW of capability per hour, currency/(kW·h). */
    public double pricePerKwH() {
        return opportunityCostPerKwH + degradationCostPerKwh * throughputKwhPerKwH + marginPerKwH;
    }

    /** Offer price in the PJM unit, currency/(MW·h), for {@code Offer.capabilityPricePerMwh}. */
    public double capabilityPricePerMwh() {
        return pricePerKwH() * 1000;
    }

    /**
     * Expected throughput per kW per hour of following {@code signal} over {@code period}: the mean |r| of the
     * samples (1 kW of capability at activation r moves |r| kWh per hour). Missing samples are skipped.
     *
     * @throws IllegalArgumentException if the period holds no valid sample
     */
    public static double throughputOf(SampledSeries signal, DeliveryPeriod period) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < signal.size(); i++) {
            double v = signal.valueAt(i);
            if (period.contains(signal.timeAt(i)) && !Double.isNaN(v)) {
                sum += Math.abs(v);
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("signal has no valid sample in " + period);
        }
        return sum / n;
    }
}
