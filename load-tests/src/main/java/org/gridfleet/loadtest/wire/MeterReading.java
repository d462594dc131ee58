package org.gridfleet.loadtest.wire;

import java.time.Instant;

/**
 * What a charger's meter and the EV report at one instant.
 *
 * @param at          sample time
 * @param soc         EV state of charge, 0..1
 * @param powerKw     signed active power, kW (+ into the battery)
 * @param setpointKw  the setpoint the charger is following, kW (+ charge)
 * @param importKwh   import register, kWh
 * @param exportKwh   export register, kWh
 */
record MeterReading(Instant at, double soc, double powerKw, double setpointKw, double importKwh, double exportKwh) {}
