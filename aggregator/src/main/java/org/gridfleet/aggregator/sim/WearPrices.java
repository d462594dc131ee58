package org.gridfleet.aggregator.sim;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gridfleet.degradation.BatteryHealth;
import org.gridfleet.degradation.BatteryPack;
import org.gridfleet.degradation.Chemistry;
import org.gridfleet.degradation.DegradationPricer;
import org.gridfleet.degradation.PackEconomics;

/**
 * The wear price of each scenario vehicle from the degradation model: the linearized price of a typical V2G
 * cycling point ({@link DegradationPricer#pricePerKwh(BatteryHealth, double)}) for a fresh pack of the vehicle's
 * chemistry, currency per kWh discharged from the battery.
 *
 * @param economics pack price per kWh and end-of-life capacity
 * @param temperatureC cell temperature assumed for the whole scenario, °C
 */
public record WearPrices(PackEconomics economics, double temperatureC) {

    /** The scenario's chemistries and the aging model that prices each. */
    private static final Map<String, Chemistry> MODELS = Map.of("NMC", Chemistry.NMC111_KOKAM_75AH,
            "LFP", Chemistry.LFP_250AH, "NCA", Chemistry.NCA_PANASONIC_3AH);

    /** 130 per kWh of pack (reference/MODELS.md §4.1), replaced at 80 % capacity, cells at 25 °C. */
    public static WearPrices ofDefaults() {
        return new WearPrices(new PackEconomics(130.0, 0.8), 25.0);
    }

    /** @param chemistry NMC, NCA or LFP, as the scenario names it */
    public static Chemistry chemistry(String chemistry) {
        Chemistry c = MODELS.get(chemistry);
        if (c == null) {
            throw new IllegalArgumentException("chemistry must be one of " + chemistries() + ", but was "
                    + chemistry);
        }
        return c;
    }

    /** Scenario chemistry names the simulator knows. */
    public static Set<String> chemistries() {
        return new TreeSet<>(MODELS.keySet());
    }

    /** Wear price of {@code v}'s battery, currency per kWh taken out of it; never negative. */
    public double perKwh(Scenario.Vehicle v) {
        return perKwh(v.chemistry(), v.batteryKwh());
    }

    /** Wear price of a fresh {@code batteryKwh} pack of {@code chemistry} (NMC, NCA, LFP), currency per kWh out. */
    public double perKwh(String chemistry, double batteryKwh) {
        BatteryHealth fresh = BatteryHealth.fresh(new BatteryPack(chemistry(chemistry), batteryKwh));
        return Math.max(0, new DegradationPricer(economics).pricePerKwh(fresh, temperatureC));
    }

    /** Relative capacity lost per kWh taken out of {@code v}'s battery at price {@code perKwh}. */
    public double capacityLossPerKwh(Scenario.Vehicle v, double perKwh) {
        // the pricer writes the pack off linearly: price = packPrice / (1 - qEOL) x capacity loss per kWh
        double packPrice = economics.packPricePerKwh();
        return packPrice == 0 ? 0 : perKwh * (1 - economics.endOfLifeCapacity()) / (packPrice * v.batteryKwh());
    }
}
