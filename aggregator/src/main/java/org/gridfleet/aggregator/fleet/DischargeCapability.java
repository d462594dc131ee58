package org.gridfleet.aggregator.fleet;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a charger can be told to discharge. OCPP 2.1 has native negative setpoints; on 2.0.1 and
 * 1.6 discharge needs a vendor-specific extension the gateway must know about.
 */
public enum DischargeCapability {
    NONE("none"),
    OCPP21("ocpp21"),
    OCPP201_VENDOR("ocpp201-vendor"),
    OCPP16_VENDOR("ocpp16-vendor");

    private final String wireName;

    DischargeCapability(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }

    public static Optional<DischargeCapability> fromWire(String s) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(s)).findFirst();
    }
}
