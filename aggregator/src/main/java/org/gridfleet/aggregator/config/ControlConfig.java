package org.gridfleet.aggregator.config;

import java.time.Duration;

/**
 * The live control loop of {@code gridfleet serve}.
 *
 * @param tickMs               period of one control tick (schedule + dispatcher + changed setpoints out), ms
 * @param importPricePerKwh    flat energy import price the schedule minimizes, currency/kWh, &gt;= 0
 * @param exportPricePerKwh    flat price earned per kWh exported (V2G), currency/kWh, &gt;= 0
 * @param defaultDwellMinutes  assumed stay of a plugged-in vehicle that declared no departure (neither the EV
 *                             nor the fleet owner), minutes
 */
public record ControlConfig(long tickMs, double importPricePerKwh, double exportPricePerKwh,
                            long defaultDwellMinutes) {

    public static final long DEFAULT_TICK_MS = 5_000;
    public static final double DEFAULT_IMPORT_PRICE_PER_KWH = 0.25;
    public static final double DEFAULT_EXPORT_PRICE_PER_KWH = 0.10;
    public static final long DEFAULT_DWELL_MINUTES = 480;
    public static final ControlConfig DEFAULT = new ControlConfig(DEFAULT_TICK_MS, DEFAULT_IMPORT_PRICE_PER_KWH,
            DEFAULT_EXPORT_PRICE_PER_KWH, DEFAULT_DWELL_MINUTES);

    public ControlConfig {
        if (tickMs < 100 || tickMs > 600_000) {
            throw new ConfigException("control.tickMs", String.valueOf(tickMs), "must be in 100..600000");
        }
        if (!(importPricePerKwh >= 0 && importPricePerKwh <= 100)) {
            throw new ConfigException("control.importPricePerKwh", String.valueOf(importPricePerKwh),
                    "must be in 0..100");
        }
        if (!(exportPricePerKwh >= 0 && exportPricePerKwh <= 100)) {
            throw new ConfigException("control.exportPricePerKwh", String.valueOf(exportPricePerKwh),
                    "must be in 0..100");
        }
        if (defaultDwellMinutes < 1 || defaultDwellMinutes > 7 * 24 * 60) {
            throw new ConfigException("control.defaultDwellMinutes", String.valueOf(defaultDwellMinutes),
                    "must be in 1..10080");
        }
    }

    public Duration tick() {
        return Duration.ofMillis(tickMs);
    }

    public Duration defaultDwell() {
        return Duration.ofMinutes(defaultDwellMinutes);
    }

    public ControlConfig withTickMs(long newTickMs) {
        return new ControlConfig(newTickMs, importPricePerKwh, exportPricePerKwh, defaultDwellMinutes);
    }
}
