package org.gridfleet.aggregator.sim;

/**
 * The revenue meter of one site: peak step-average import, highest 15-minute average import (quarter hours
 * aligned to the clock), seconds over the limit and the energy bill. Power in kW, positive = import.
 */
public final class SiteMeter {
    static final int QUARTER_HOUR_SECONDS = 900;
    private static final double LIMIT_TOLERANCE_KW = 1e-6;

    private final double limitKw;
    private final long firstQuarter;
    private final double[] quarterKwh;
    private double peakKw;
    private double peak15MinKw;
    private long secondsOverLimit;
    private int stepsOverLimit;
    private double energyCost;

    /** Meters from {@code startEpochSecond} to {@code endEpochSecond} against {@code limitKw}. */
    public SiteMeter(double limitKw, long startEpochSecond, long endEpochSecond) {
        this.limitKw = limitKw;
        firstQuarter = Math.floorDiv(startEpochSecond, QUARTER_HOUR_SECONDS);
        long lastQuarter = Math.floorDiv(endEpochSecond - 1, QUARTER_HOUR_SECONDS);
        quarterKwh = new double[(int) (lastQuarter - firstQuarter + 1)];
    }

    /**
     * Records a step of {@code seconds} from {@code epochSecond} at average site power {@code kw}, billed at
     * the prices in force at its start.
     */
    public void record(long epochSecond, int seconds, double kw, double importPrice, double exportPrice) {
        peakKw = Math.max(peakKw, kw);
        if (kw > limitKw + LIMIT_TOLERANCE_KW) {
            secondsOverLimit += seconds;
            stepsOverLimit++;
        }
        double kwh = kw * seconds / 3600.0;
        energyCost += kwh >= 0 ? kwh * importPrice : kwh * exportPrice;
        long t = epochSecond;
        long end = epochSecond + seconds;
        while (t < end) {
            long quarter = Math.floorDiv(t, QUARTER_HOUR_SECONDS);
            long quarterEnd = (quarter + 1) * QUARTER_HOUR_SECONDS;
            long slice = Math.min(end, quarterEnd) - t;
            int index = (int) (quarter - firstQuarter);
            if (index >= 0 && index < quarterKwh.length) {
                quarterKwh[index] += kw * slice / 3600.0;
                peak15MinKw = Math.max(peak15MinKw, quarterKwh[index] * 4);
            }
            t += slice;
        }
    }

    /** Highest 15-minute average import so far, kW (quarters metered so far; imports only). */
    public double peak15MinKw() {
        return peak15MinKw;
    }

    public double limitKw() {
        return limitKw;
    }

    /** Highest step-average import, kW. */
    public double peakKw() {
        return peakKw;
    }

    public long secondsOverLimit() {
        return secondsOverLimit;
    }

    /** Site-steps whose average import exceeded the limit. */
    public int stepsOverLimit() {
        return stepsOverLimit;
    }

    /** Imports times import price minus exports times export price, currency. */
    public double energyCost() {
        return energyCost;
    }
}
