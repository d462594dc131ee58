package org.gridfleet.v2g.ocpp;

import org.gridfleet.v2g.charger.ChargerRecord;

/**
 * Sizes the offline fallback (TxDefaultProfile, evseId 0, which applies to EACH EVSE) on the wire from
 * {@link ChargerRecord#fallbackKwPerEvse()}.
 */
final class FallbackSizing {
  private FallbackSizing() {}

  /**
   * Per-EVSE fallback limit in W, rounded down to one decimal (the schemas' precision) minus 0.1 W, so
   * floating-point rounding can never push the site total over the limit.
   */
  static double perEvseLimitW(ChargerRecord charger) {
    double kw = charger.fallbackKwPerEvse();
    return Math.max(0, Math.floor(kw * 10_000) - 1) / 10;
  }
}
