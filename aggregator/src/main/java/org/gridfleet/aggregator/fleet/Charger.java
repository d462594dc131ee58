package org.gridfleet.aggregator.fleet;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A charger registered at a site. {@code id} is its OCPP identity. The password is never part of
 * this value (only its hash is stored, see {@link PasswordHasher}).
 *
 * @param maxPowerKw    largest power magnitude in kW, > 0
 * @param bidirectional hardware can discharge
 */
public record Charger(String id, UUID siteId, UUID tenantId, double maxPowerKw, boolean bidirectional,
                      String model, DischargeCapability dischargeCapability, Instant createdAt, Instant updatedAt) {
    public Charger {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(dischargeCapability, "dischargeCapability");
        if (!(maxPowerKw > 0)) {
            throw new IllegalArgumentException("maxPowerKw must be > 0: " + maxPowerKw);
        }
        if (!bidirectional && dischargeCapability != DischargeCapability.NONE) {
            throw new IllegalArgumentException("a unidirectional charger cannot have discharge capability "
                    + dischargeCapability);
        }
    }

    /** True if control may send this charger negative (discharge) setpoints. */
    public boolean canDischarge() {
        return bidirectional && dischargeCapability != DischargeCapability.NONE;
    }
}
