package org.gridfleet.degradation;

import java.util.Objects;

/**
 * A vehicle's traction battery as priced: its cell chemistry and nominal (new) energy in kWh.
 *
 * @param chemistry the aging model that applies
 * @param nominalEnergyKwh usable energy when new, kWh, &gt; 0
 */
public record BatteryPack(Chemistry chemistry, double nominalEnergyKwh) {
    public BatteryPack {
        Objects.requireNonNull(chemistry, "chemistry");
        if (!(nominalEnergyKwh > 0.0 && Double.isFinite(nominalEnergyKwh))) {
            throw new IllegalArgumentException("nominalEnergyKwh must be > 0, but was " + nominalEnergyKwh);
        }
    }
}
