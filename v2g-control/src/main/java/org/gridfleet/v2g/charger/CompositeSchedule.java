package org.gridfleet.v2g.charger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A charger's answer to GetCompositeSchedule: what it will apply to an EVSE, all profiles combined.
 *
 * @param result  ACCEPTED with a schedule, or why there is none (REJECTED, OFFLINE, TIMED_OUT, ...)
 * @param start   when period offsets count from; null when there is no schedule
 * @param periods in start order; empty when there is no schedule
 */
public record CompositeSchedule(DispatchResult result, Instant start, List<Period> periods) {

  /**
   * One period.
   *
   * @param startOffsetSeconds seconds after {@code start}, &gt;= 0
   * @param limitKw            power cap in kW (positive = charging), or null when the charger gave none
   * @param setpointKw         2.1 signed setpoint in kW (negative = discharge), or null when none
   */
  public record Period(long startOffsetSeconds, Double limitKw, Double setpointKw) {
    public Period {
      if (startOffsetSeconds < 0) {
        throw new IllegalArgumentException("startOffsetSeconds must be >= 0, was " + startOffsetSeconds);
      }
    }
  }

  public CompositeSchedule {
    Objects.requireNonNull(result, "result");
    periods = List.copyOf(periods);
  }

  /** No schedule, for this reason. */
  public static CompositeSchedule none(DispatchResult result) {
    return new CompositeSchedule(result, null, List.of());
  }
}
