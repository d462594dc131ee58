package org.gridfleet.v2g.ocpp;

/**
 * Checks one session's reported SoC against metered energy: ΔSoC_expected = Δ(net energy kWh) /
 * battery kWh. Once the divergence exceeds the tolerance the session stays flagged and planning uses
 * the lower (conservative) of reported and energy-derived SoC. Owned by one event loop.
 */
final class SocPlausibility {
  private final double batteryKwh;
  private final double tolerance;
  private double firstSoc = Double.NaN;
  private double firstNetKwh = Double.NaN;
  private double lastNetKwh = Double.NaN;
  private boolean flagged;

  SocPlausibility(double batteryKwh, double tolerance) {
    this.batteryKwh = batteryKwh;
    this.tolerance = tolerance;
  }

  /** Records the net energy register (import − export, kWh) without a SoC in the same sample. */
  void energy(double netKwh) {
    if (Double.isNaN(firstNetKwh)) {
      firstNetKwh = netKwh;
    }
    lastNetKwh = netKwh;
  }

  /**
   * Records a reported SoC (0..1) and returns the SoC to plan on.
   */
  double soc(double reportedSoc) {
    if (Double.isNaN(firstSoc)) {
      if (Double.isNaN(lastNetKwh)) {
        return reportedSoc; // no energy baseline yet: nothing to compare against
      }
      firstSoc = reportedSoc;
      firstNetKwh = lastNetKwh;
      return reportedSoc;
    }
    double derived = Math.max(0, Math.min(1, firstSoc + (lastNetKwh - firstNetKwh) / batteryKwh));
    if (Math.abs(reportedSoc - derived) > tolerance) {
      flagged = true;
    }
    return flagged ? Math.min(reportedSoc, derived) : reportedSoc;
  }

  boolean flagged() {
    return flagged;
  }
}
