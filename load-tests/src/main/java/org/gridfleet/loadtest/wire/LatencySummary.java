package org.gridfleet.loadtest.wire;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency distribution, milliseconds.
 *
 * @param count how many values
 */
public record LatencySummary(long count, double p50Ms, double p90Ms, double p99Ms, double maxMs) {

  /** Summarizes a histogram of microseconds. */
  public static LatencySummary ofMicros(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return new LatencySummary(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
        ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()));
  }

  private static double ms(long micros) {
    return Math.round(micros / 100.0) / 10.0;
  }
}
