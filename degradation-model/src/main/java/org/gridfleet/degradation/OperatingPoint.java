package org.gridfleet.degradation;

/**
 * How a vehicle would be cycled for a service, for the linearized per-kWh price.
 *
 * @param meanSoc mean state of charge while cycling, 0..1
 * @param depthOfDischarge SoC swing of the cycling, 0..1
 * @param cRate average |power| / nominal energy, 1/h, &gt;= 0
 * @param temperatureC cell temperature, °C
 * @param extraCyclesPerDay equivalent full cycles the service adds per day, &gt; 0
 */
public record OperatingPoint(double meanSoc, double depthOfDischarge, double cRate, double temperatureC,
        double extraCyclesPerDay) {

    public OperatingPoint {
        requireWithin("meanSoc", meanSoc, 0.0, 1.0);
        requireWithin("depthOfDischarge", depthOfDischarge, 0.0, 1.0);
        requireWithin("cRate", cRate, 0.0, 10.0);
        requireWithin("temperatureC", temperatureC, -40.0, 80.0);
        if (!(extraCyclesPerDay > 0.0 && extraCyclesPerDay <= 24.0)) {
            throw new IllegalArgumentException("extraCyclesPerDay must be within (0, 24], but was " + extraCyclesPerDay);
        }
    }

    /**
     * A typical V2G day: mean SoC 0.6, 20 % swing, 0.1 C (7 kW on a 70 kWh pack), a quarter of an
     * extra cycle per day.
     */
    public static OperatingPoint typicalV2g(double temperatureC) {
        return new OperatingPoint(0.6, 0.2, 0.1, temperatureC, 0.25);
    }

    private static void requireWithin(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", but was " + value);
        }
    }
}
