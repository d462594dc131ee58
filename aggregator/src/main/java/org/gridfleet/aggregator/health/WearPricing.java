package org.gridfleet.aggregator.health;

import java.util.Optional;
import org.gridfleet.aggregator.fleet.Vehicle;
import org.gridfleet.aggregator.sim.WearPrices;
import org.gridfleet.degradation.BatteryHealth;
import org.gridfleet.degradation.BatteryPack;
import org.gridfleet.degradation.DegradationImpact;
import org.gridfleet.degradation.DegradationPricer;
import org.gridfleet.degradation.PackEconomics;
import org.gridfleet.degradation.budget.BudgetAccount;

/**
 * Prices a vehicle's wear from its current health with the simulator's defaults ({@link WearPrices#ofDefaults()}:
 * pack price, end-of-life capacity, cell temperature, since no cell temperature is metered), and the wear of
 * one kWh taken out of its battery in every budget unit.
 */
final class WearPricing {
    static final WearPrices DEFAULTS = WearPrices.ofDefaults();
    /** Remaining life is searched this far ahead. */
    static final int HORIZON_YEARS = 30;

    private final PackEconomics economics = DEFAULTS.economics();
    private final DegradationPricer pricer = new DegradationPricer(economics);

    static BatteryPack pack(Vehicle v) {
        return new BatteryPack(WearPrices.chemistry(v.chemistry().name()), v.batteryCapacityKwh());
    }

    static double temperatureC() {
        return DEFAULTS.temperatureC();
    }

    static double endOfLifeCapacity() {
        return DEFAULTS.economics().endOfLifeCapacity();
    }

    /** Currency per kWh out of the battery at its current health; never negative. */
    double pricePerKwh(BatteryHealth health) {
        return Math.max(0, pricer.pricePerKwh(health, temperatureC()));
    }

    /** The wear of {@code batteryKwh} out of a pack of {@code nominalKwh} priced at {@code pricePerKwh}. */
    DegradationImpact wear(double pricePerKwh, double nominalKwh, double batteryKwh) {
        // the pricer writes the pack off linearly: price = packPrice / (1 - qEOL) x capacity loss per kWh
        double packPrice = economics.packPricePerKwh();
        double lossPerKwh = packPrice == 0 ? 0
                : pricePerKwh * (1 - economics.endOfLifeCapacity()) / (packPrice * nominalKwh);
        return new DegradationImpact(lossPerKwh * batteryKwh, pricePerKwh * batteryKwh, batteryKwh / nominalKwh);
    }

    /** The live loop's terms for a vehicle at {@code price} with its budget account (if any). */
    VehicleWear.Entry entry(double price, double nominalKwh, Optional<BudgetAccount> account) {
        return VehicleWear.Entry.of(price, account.orElse(null),
                account.map(a -> a.budget().measure(wear(price, nominalKwh, 1.0))).orElse(0.0));
    }
}
