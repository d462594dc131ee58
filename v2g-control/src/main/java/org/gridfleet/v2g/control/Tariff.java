package org.gridfleet.v2g.control;

import java.util.Objects;

/**
 * What energy costs at a site: import and export prices (known in advance) and the demand charge.
 *
 * @param importPrice price paid per kWh imported, currency/kWh
 * @param exportPrice price earned per kWh exported, currency/kWh
 * @param demandChargePerKw charge on the highest 15-minute average import of the billing period, currency/kW
 */
public record Tariff(PriceCurve importPrice, PriceCurve exportPrice, double demandChargePerKw) {
    public Tariff {
        Objects.requireNonNull(importPrice, "importPrice");
        Objects.requireNonNull(exportPrice, "exportPrice");
        VehicleState.requireRange("demandChargePerKw", demandChargePerKw, 0, Double.MAX_VALUE);
    }
}
