package org.gridfleet.v2g.control;

import java.time.Instant;
import java.util.Objects;

/**
 * What the controller knows of one plugged-in vehicle at one instant.
 *
 * <p>Power sign: positive = into the battery (grid import), negative = out of it (V2G export).
 *
 * @param vehicleId fleet-scoped vehicle id
 * @param siteId the site the vehicle's charger belongs to
 * @param batteryKwh usable battery capacity in kWh, &gt; 0
 * @param soc state of charge now, 0..1
 * @param reserveSoc the SoC the battery must never go below, 0..1
 * @param targetSoc the SoC required at departure, 0..1
 * @param departure when the vehicle leaves
 * @param maxChargeKw charge power limit at the grid side (charger and vehicle), kW, &ge; 0
 * @param maxDischargeKw discharge power limit at the grid side, kW, &ge; 0; 0 when V2G is not allowed
 * @param efficiency one-way charger efficiency, 0..1: battery kWh = grid kWh &times; efficiency when charging,
 *     grid kWh / efficiency when discharging
 * @param degradationCostPerKwh wear price of one kWh cycled through the battery, currency/kWh, &ge; 0
 * @param urgent the owner's "charge now" override is active
 */
public record VehicleState(String vehicleId, String siteId, double batteryKwh, double soc, double reserveSoc,
                           double targetSoc, Instant departure, double maxChargeKw, double maxDischargeKw,
                           double efficiency, double degradationCostPerKwh, boolean urgent) {

    public VehicleState {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(departure, "departure");
        requireRange("batteryKwh", batteryKwh, 1e-9, Double.MAX_VALUE);
        requireRange("soc", soc, 0, 1);
        requireRange("reserveSoc", reserveSoc, 0, 1);
        requireRange("targetSoc", targetSoc, 0, 1);
        requireRange("maxChargeKw", maxChargeKw, 0, Double.MAX_VALUE);
        requireRange("maxDischargeKw", maxDischargeKw, 0, Double.MAX_VALUE);
        requireRange("efficiency", efficiency, 1e-9, 1);
        requireRange("degradationCostPerKwh", degradationCostPerKwh, 0, Double.MAX_VALUE);
    }

    /** Energy stored now, kWh. */
    public double energyKwh() {
        return soc * batteryKwh;
    }

    /** The same vehicle with {@code energyKwh} stored (SoC clamped to 0..1), e.g. after applying a setpoint. */
    public VehicleState withEnergyKwh(double energyKwh) {
        double newSoc = Math.max(0, Math.min(1, energyKwh / batteryKwh));
        return new VehicleState(vehicleId, siteId, batteryKwh, newSoc, reserveSoc, targetSoc, departure, maxChargeKw,
                maxDischargeKw, efficiency, degradationCostPerKwh, urgent);
    }

    static void requireRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], but was " + value);
        }
    }
}
