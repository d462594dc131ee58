package org.gridfleet.v2g.ocpp;

import org.gridfleet.v2g.charger.ChargerRecord;

/**
 * Sizes the offline fallback (TxDefaultProfile, evseId 0, which applies to EACH EVSE): the site limit
 * shared evenly over every EVSE of every charger at the site, never above the EVSE rating. So all
 * fallbacks at a site add up to at most the site limit.
 */
final class FallbackSizing {
  private FallbackSizing() {}

  /**
   * Per-EVSE fallback limit in W, rounded down to one decimal (the schemas' precision) minus 0.1 W, so
   * floating-point rounding can never push the site total over the limit.
   */
  static double perEvseLimitW(ChargerRecord charger) {
    double shareKw = charger.siteLimitKw() / ((double) charger.chargersAtSite() * charger.evseCount());
    double kw = Math.min(shareKw, charger.maxPowerKw());
    return Math.max(0, Math.floor(kw * 10_000) - 1) / 10;
  }
}
