package org.gridfleet.degradation;

/**
 * The stressors of one aging step, derived from a {@link SocProfile} as BLAST-Lite's
 * {@code daily_measuredSOC} variant does (MODELS.md section 5.1).
 *
 * <p>Per sample it keeps the time, SoC, temperature and anode potential; as scalars the step length,
 * the depth of discharge (max − min SoC), the mean SoC and, at full capacity ({@code q_prev = 1}),
 * the equivalent full cycles and the C-rate. Both of the latter scale with the capacity reached
 * before the step: {@link #equivalentFullCycles(double)} and {@link #cRate(double)}.
 */
public final class DayStress {
    private static final double MIN_C_RATE = 0.01;

    private final double[] seconds;
    private final double[] soc;
    private final double[] temperatureK;
    private final double[] anodeVolts;
    private final double durationDays;
    private final double depthOfDischarge;
    private final double meanSoc;
    private final double cyclesAtFullCapacity;
    private final double cRateAtFullCapacity;

    private DayStress(double[] seconds, double[] soc, double[] temperatureK, double depthOfDischarge,
            double cyclesAtFullCapacity, double cRateAtFullCapacity) {
        this.seconds = seconds;
        this.soc = soc;
        this.temperatureK = temperatureK;
        this.anodeVolts = new double[soc.length];
        double sum = 0.0;
        for (int i = 0; i < soc.length; i++) {
            anodeVolts[i] = AnodePotential.volts(soc[i]);
            sum += soc[i];
        }
        this.meanSoc = sum / soc.length;
        this.durationDays = (seconds[seconds.length - 1] - seconds[0]) / SocProfile.SECONDS_PER_DAY;
        this.depthOfDischarge = depthOfDischarge;
        this.cyclesAtFullCapacity = cyclesAtFullCapacity;
        this.cRateAtFullCapacity = cRateAtFullCapacity;
    }

    /** Stressors of one step; the profile should span at most one day (see {@link SocProfile#days()}). */
    public static DayStress of(SocProfile step) {
        int n = step.size();
        double[] t = new double[n];
        double[] s = new double[n];
        double[] tk = new double[n];
        double variation = 0.0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            t[i] = step.secondsAt(i);
            s[i] = step.socAt(i);
            tk[i] = step.temperatureCAt(i) + 273.15;
            min = Math.min(min, s[i]);
            max = Math.max(max, s[i]);
            if (i > 0) {
                variation += Math.abs(s[i] - s[i - 1]);
            }
        }
        return new DayStress(t, s, tk, max - min, variation / 2.0, cRate(t, s));
    }

    /**
     * A synthetic one-day step at a constant SoC and temperature that nevertheless carries the given
     * cycling; used to take the marginal fade of throughput at an operating point.
     */
    public static DayStress steady(double meanSoc, double temperatureC, double depthOfDischarge, double cRate,
            double cyclesAtFullCapacity) {
        return new DayStress(new double[] {0.0, SocProfile.SECONDS_PER_DAY}, new double[] {meanSoc, meanSoc},
                new double[] {temperatureC + 273.15, temperatureC + 273.15}, depthOfDischarge,
                cyclesAtFullCapacity, cRate);
    }

    /**
     * BLAST-Lite's C-rate: per-interval |ΔSoC| per hour (values under 0.01 set to 0), integrated with
     * the trapezoid rule over the time axis {@code t[1:]} in days and divided by the step length.
     */
    private static double cRate(double[] t, double[] s) {
        int n = t.length;
        double integral = 0.0;
        double previous = intervalCRate(t, s, 0);
        for (int j = 0; j + 2 < n; j++) {
            double next = intervalCRate(t, s, j + 1);
            integral += (previous + next) / 2.0 * (t[j + 2] - t[j + 1]) / SocProfile.SECONDS_PER_DAY;
            previous = next;
        }
        return integral / ((t[n - 1] - t[0]) / SocProfile.SECONDS_PER_DAY);
    }

    private static double intervalCRate(double[] t, double[] s, int j) {
        double c = Math.abs(s[j + 1] - s[j]) / ((t[j + 1] - t[j]) / 3600.0);
        return c < MIN_C_RATE ? 0.0 : c;
    }

    /** Trapezoid time-average of a per-sample rate over the step. */
    public double timeAverage(PerSampleRate rate) {
        double weighted = 0.0;
        double previous = rate.at(soc[0], temperatureK[0], anodeVolts[0]);
        for (int i = 1; i < seconds.length; i++) {
            double next = rate.at(soc[i], temperatureK[i], anodeVolts[i]);
            weighted += (previous + next) / 2.0 * (seconds[i] - seconds[i - 1]);
            previous = next;
        }
        return weighted / (seconds[seconds.length - 1] - seconds[0]);
    }

    /** A rate evaluated at one sample: SoC 0..1, temperature in kelvin, anode potential in volts. */
    @FunctionalInterface
    public interface PerSampleRate {
        double at(double soc, double temperatureK, double anodeVolts);
    }

    public double durationDays() {
        return durationDays;
    }

    /** max − min SoC over the step, 0..1. */
    public double depthOfDischarge() {
        return depthOfDischarge;
    }

    /** Arithmetic mean of the samples' SoC, 0..1. */
    public double meanSoc() {
        return meanSoc;
    }

    /** Equivalent full cycles of the step, {@code q_prev·Σ|ΔSoC|/2}. */
    public double equivalentFullCycles(double previousCapacity) {
        return previousCapacity * cyclesAtFullCapacity;
    }

    /** Average C-rate in 1/h, scaled by the capacity before the step. */
    public double cRate(double previousCapacity) {
        return previousCapacity * cRateAtFullCapacity;
    }
}
