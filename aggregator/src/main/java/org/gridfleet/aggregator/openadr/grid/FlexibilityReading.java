package org.gridfleet.aggregator.openadr.grid;

/**
 * What one target did and could do over one window, as OpenADR reports it. Power follows the Gridfleet
 * sign (positive = import from the grid, into the batteries); availabilities are magnitudes.
 *
 * @param usageKwh                   net energy imported over the window (negative = net export)
 * @param demandKw                   average import power over the window
 * @param baselineKw                 import power expected without the event
 * @param upRegulationKw             how much import could still be reduced / export raised (>= 0)
 * @param downRegulationKw           how much import could still be raised (>= 0)
 * @param storageUsableCapacityKwh   usable battery energy plugged in (>= 0)
 * @param storageChargeLevel         stored energy over usable capacity, 0..1
 * @param storageMaxDischargePowerKw discharge (export) power available now (>= 0)
 * @param storageMaxChargePowerKw    charge (import) power available now (>= 0)
 */
public record FlexibilityReading(double usageKwh, double demandKw, double baselineKw, double upRegulationKw,
                                 double downRegulationKw, double storageUsableCapacityKwh, double storageChargeLevel,
                                 double storageMaxDischargePowerKw, double storageMaxChargePowerKw) {
    public FlexibilityReading {
        for (double v : new double[] {usageKwh, demandKw, baselineKw}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("usage, demand and baseline must be finite");
            }
        }
        for (double v : new double[] {upRegulationKw, downRegulationKw, storageUsableCapacityKwh,
                storageMaxDischargePowerKw, storageMaxChargePowerKw}) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("availabilities and capacities must be finite and >= 0");
            }
        }
        if (!(storageChargeLevel >= 0 && storageChargeLevel <= 1)) {
            throw new IllegalArgumentException("storageChargeLevel must be in 0..1, but was " + storageChargeLevel);
        }
    }
}
